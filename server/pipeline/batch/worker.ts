import { parentPort } from 'node:worker_threads';
import { analyseStory, type StoryJob } from './analyse.js';
import { warmUp } from './warm.js';

// Worker thread: loads its data (warm.ts) as soon as it starts, then analyses stories sent by the pool,
// one message each way per story (stories that arrive while it loads wait in the port's queue).
warmUp();
parentPort?.on('message', (msg: { id: number; job: StoryJob }) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: analyseStory(msg.job) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
