// Preloaded into the processes the cli bench times (node --require): at exit, writes the
// process's own CPU time (user + system, ms) to stderr as "__cpu_ms <n>" for the bench to read.
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, `\n__cpu_ms ${(u.user + u.system) / 1000}\n`);
});
