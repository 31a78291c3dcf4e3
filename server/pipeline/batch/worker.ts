import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './pool.js';

// Worker thread: runs the tasks sent by the pool, one message each way per task.
parentPort?.on('message', (msg: { id: number; task: Task }) => {
  try {
    parentPort?.postMessage({ id: msg.id, result: runTask(msg.task) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
