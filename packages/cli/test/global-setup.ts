import { redisGlobalSetup } from '@kairos-tools/redis-server/vitest-setup';

export default redisGlobalSetup({ standalone: true, cluster: true });
