"""The live worker's child process as the editor sees it: started and talked to without importing
the analysis (geometry, scipy, the route checks), which only the child needs (see
:mod:`hallplan.gui.live.worker`)."""

from __future__ import annotations

from .protocol import Job, Result

STOP = "stop"


def _child(jobs, results) -> None:  # pragma: no cover - runs in the child process
    from .worker import worker_main

    worker_main(jobs, results)


class ProcessBackend:
    """The worker in a child process (``spawn``: no Qt state is inherited), reached through two
    one-way pipes. Jobs are written by a sender thread: a whole plan is larger than the pipe's
    buffer, and the editor must never wait for the worker to read it (it may still be starting)."""

    def __init__(self) -> None:
        import multiprocessing as mp
        import queue
        import threading

        ctx = mp.get_context("spawn")
        jobs_r, self._jobs = ctx.Pipe(duplex=False)
        self._results, res_w = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_child, args=(jobs_r, res_w), name="hallplan-check-worker", daemon=True)
        self.proc.start()
        jobs_r.close()
        res_w.close()
        self._queue: queue.Queue = queue.Queue()
        self._sender = threading.Thread(target=self._send_loop, name="hallplan-check-sender", daemon=True)
        self._sender.start()

    def _send_loop(self) -> None:
        while True:
            msg = self._queue.get()
            try:
                self._jobs.send(msg)
            except (BrokenPipeError, OSError, ValueError):
                return
            if msg == STOP:
                return

    def send(self, job: Job) -> None:
        self._queue.put(job)

    def poll(self) -> list[Result]:
        out = []
        try:
            while self._results.poll():
                out.append(self._results.recv())
        except (EOFError, OSError):
            pass
        return out

    def wait(self, timeout: float) -> list[Result]:
        """Block up to ``timeout`` seconds for at least one result."""
        try:
            if self._results.poll(timeout):
                return self.poll()
        except (EOFError, OSError):
            pass
        return []

    @property
    def alive(self) -> bool:
        return self.proc.is_alive()

    def close(self) -> None:
        self._queue.put(STOP)
        self._sender.join(1.0)
        self.proc.join(1.0)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(1.0)
        self._jobs.close()
        self._results.close()
