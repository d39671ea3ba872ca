// @vitest-environment happy-dom
import { describePageReader } from './helpers';

describePageReader('cboe-vix-futures');
