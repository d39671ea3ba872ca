/** Types for black-scholes@1.1.0 (an independent pricer used only as a test oracle). */
declare module 'black-scholes' {
  /** Black–Scholes price: spot, strike, years, vol (fraction), rate (fraction), 'call' | 'put'. */
  export function blackScholes(
    s: number,
    k: number,
    t: number,
    v: number,
    r: number,
    callPut: 'call' | 'put',
  ): number;
}
