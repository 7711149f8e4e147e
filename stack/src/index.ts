export { startStack, type Stack, type StackOptions } from './stack.ts';
export { migrateSeedAndVerify, startStandaloneGraph } from './standalone.ts';
