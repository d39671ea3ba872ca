// @vitest-environment happy-dom
import { describePageReader } from './helpers';

describePageReader('generic-vix-table');
