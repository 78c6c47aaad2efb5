/**
 * Node flags for the language server process. Analysing a large file allocates many short-lived objects;
 * a 64 MB young generation lets them die young instead of being promoted, which halves the time of a
 * 10,000-line analysis (see docs/architecture.md, Performance).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
