// Runs every unit test, or only those matching NN_SPEC (a glob) when it is set.
module.exports = {
  extension: ['ts'],
  spec: [process.env.NN_SPEC || 'test/unit/**/*.test.ts'],
  'node-option': ['import=tsx'],
  reporter: 'test/support/summary-reporter.js',
  timeout: 60000,
};
