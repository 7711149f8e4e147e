export { startStack, type Stack, type StackOptions } from './stack.ts';
export { startStandaloneGraph } from './standalone.ts';
