import { parentPort } from 'node:worker_threads';
import { runTask, type Task, type TaskResult } from './tasks.js';

// Worker thread: runs the tasks sent by the pool, one message each way per task.
parentPort?.on('message', (msg: { id: number; task: Task }) => {
  const reply = (result: TaskResult): void => parentPort?.postMessage({ id: msg.id, result });
  const fail = (e: unknown): void =>
    parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  try {
    const r = runTask(msg.task);
    if (r instanceof Promise) r.then(reply, fail);
    else reply(r);
  } catch (e) {
    fail(e);
  }
});
