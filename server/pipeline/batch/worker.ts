import { parentPort } from 'node:worker_threads';
import { analyseStory, type StoryJob } from './analyse.js';

// Worker thread: analyses stories sent by the pool, one message each way per story.
parentPort?.on('message', (msg: { id: number; job: StoryJob }) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: analyseStory(msg.job) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
