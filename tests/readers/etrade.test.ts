// @vitest-environment happy-dom
import { describePageReader } from './helpers';

describePageReader('etrade');
