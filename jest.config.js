/** Three projects: pure unit tests, integration tests through the emulator, component tests in jsdom. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const base = {
  transform: { '^.+\\.(t|j)s$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Build output holds copies of cloud function package.json files; keep them out of the module map.
  modulePathIgnorePatterns: ['<rootDir>/build/', '<rootDir>/.data/', '<rootDir>/.preview/'],
};
module.exports = {
  // CI runs on 2 shared cores: a generous ceiling keeps a slow emulator start from failing a correct test.
  // (A global option: Jest ignores testTimeout inside a project's config.)
  testTimeout: 20_000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/component/**/*.test.ts'],
      // TDesign's miniprogram_npm copy is ES modules: it sits outside node_modules, so @swc/jest transforms it.
      transformIgnorePatterns: ['/node_modules/(?!tdesign-miniprogram)'],
      // miniprogram_npm is gitignored; build it before the workers start (tests/component/harness.ts also checks).
      globalSetup: '<rootDir>/tests/component/global-setup.ts',
    },
  ],
};
