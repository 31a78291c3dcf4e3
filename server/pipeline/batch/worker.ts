import { parentPort } from 'node:worker_threads';
import { runTask, type Task, type TaskResult } from './tasks.js';
import { installResources, Resources } from '../../core/resources.js';

// Worker thread: runs the tasks sent by the pool, one message each way per task, with the worker's own word
// lists and tables (one Resources object per worker, loaded on first use or by the warm-up task).
const resources = new Resources();
installResources(resources);
parentPort?.on('message', (msg: { id: number; task: Task }) => {
  const reply = (result: TaskResult): void => parentPort?.postMessage({ id: msg.id, result });
  const fail = (e: unknown): void =>
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  try {
    const r = runTask(msg.task, resources);
    if (r instanceof Promise) r.then(reply, fail);
    else reply(r);
  } catch (e) {
    fail(e);
  }
});
