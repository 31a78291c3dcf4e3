// Shared with the benchmarks, so it lives in testkit/ (tests import testkit, never bench/); this short path stays
// for the tests.
export * from '../../testkit/fixtures.js';
