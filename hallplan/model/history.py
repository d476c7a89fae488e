"""Undo/redo history and change events.

``History`` is the single door through which edits reach a plan: the editor, the CLI and the tests
push :class:`~hallplan.model.commands.Command` objects here; listeners (canvas, geometry caches, the
rule engine, autosave) subscribe to :class:`ChangeEvent`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .commands import Command, Touched
from .plan import Plan


class Action(str, Enum):
    DO = "do"
    UNDO = "undo"
    REDO = "redo"
    RESET = "reset"  # the whole plan was replaced (open, recover)


@dataclass(frozen=True)
class ChangeEvent:
    action: Action
    command: Command | None
    touched: Touched
    revision: int


Listener = Callable[[ChangeEvent], None]


class History:
    """Undo and redo stacks over one plan, with merging of consecutive drags.

    >>> from hallplan.model import HallLevel, Plan
    >>> h = History(Plan("测试", HallLevel.TOWN))
    >>> h.can_undo
    False
    """

    def __init__(self, plan: Plan, limit: int = 1000) -> None:
        self.plan = plan
        self.limit = limit
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._listeners: list[Listener] = []
        self._sealed = True
        self._revision = 0
        self._clean_revision: int | None = 0
        # revision of the state after each command on the undo stack (for clean tracking)
        self._rev_stack: list[int] = []
        self._rev_counter = 0
        self._redo_revs: list[int] = []

    # --- listeners -----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, action: Action, command: Command | None, touched: Touched) -> None:
        ev = ChangeEvent(action, command, touched, self._revision)
        for fn in list(self._listeners):
            fn(ev)

    # --- state ---------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        """An id of the current plan state: equal revisions mean equal plans."""
        return self._revision

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    @property
    def undo_stack(self) -> tuple[Command, ...]:
        return tuple(self._undo)

    @property
    def is_dirty(self) -> bool:
        return self._revision != self._clean_revision

    def mark_clean(self) -> None:
        self._clean_revision = self._revision

    def seal(self) -> None:
        """End a drag: the next command starts a new undo step even if it could merge."""
        self._sealed = True

    # --- editing -------------------------------------------------------------------------
    def push(self, command: Command, merge: bool = False) -> None:
        """Apply ``command`` and record it. With ``merge`` it folds into the previous step when that
        step is unsealed and has the same merge key (consecutive moves of one selection)."""
        command.apply(self.plan)
        self._rev_counter += 1
        self._revision = self._rev_counter
        key = command.merge_key
        if merge and not self._sealed and self._undo and key is not None and self._undo[-1].merge_key == key:
            self._undo[-1] = self._undo[-1].merged_with(command)
            self._rev_stack[-1] = self._revision
        else:
            self._undo.append(command)
            self._rev_stack.append(self._revision)
            if len(self._undo) > self.limit:
                del self._undo[0]
                del self._rev_stack[0]
        self._sealed = not merge
        if self._redo:
            self._redo.clear()
            self._redo_revs.clear()
        self._emit(Action.DO, command, command.touched)

    def undo(self) -> Command | None:
        if not self._undo:
            return None
        cmd = self._undo.pop()
        self._redo_revs.append(self._rev_stack.pop())
        cmd.revert(self.plan)
        self._redo.append(cmd)
        self._revision = self._rev_stack[-1] if self._rev_stack else 0
        self._sealed = True
        self._emit(Action.UNDO, cmd, cmd.touched)
        return cmd

    def redo(self) -> Command | None:
        if not self._redo:
            return None
        cmd = self._redo.pop()
        cmd.apply(self.plan)
        self._revision = self._redo_revs.pop()
        self._undo.append(cmd)
        self._rev_stack.append(self._revision)
        self._sealed = True
        self._emit(Action.REDO, cmd, cmd.touched)
        return cmd

    def reset(self, plan: Plan) -> None:
        """Replace the plan (open/recover): clears both stacks."""
        self.plan = plan
        self._undo.clear()
        self._redo.clear()
        self._redo_revs.clear()
        self._rev_stack.clear()
        self._rev_counter += 1
        self._revision = self._rev_counter
        self._clean_revision = self._revision
        self._sealed = True
        self._emit(Action.RESET, None, Touched(floor_ids=frozenset(f.id for f in plan.floors)))
