import { subgraphConfig } from '../../vitest.shared.ts';

export default subgraphConfig;
