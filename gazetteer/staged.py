"""Files written and validated in the user folder under hidden names but not yet in place: the
step between reading what the user gave (`geo gazetteer add` / `import`) and rebuilding."""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Staged:
    """commit() moves the files into the user folder (keeping what they replace until done()),
    rollback() puts everything back."""
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    _backups: list[tuple[Path, Path | None]] = field(default_factory=list)

    def commit(self) -> list[Path]:
        for tmp, final in self.moves:
            backup = None
            if final.exists():
                backup = final.with_name(f'.{final.name}.{uuid.uuid4().hex[:8]}.bak')
                os.replace(final, backup)
            self._backups.append((final, backup))
            os.replace(tmp, final)
        return [f for _, f in self.moves]

    def rollback(self) -> None:
        for final, backup in reversed(self._backups):
            if backup is not None:
                os.replace(backup, final)
            else:
                final.unlink(missing_ok=True)
        self._backups.clear()
        self.discard()

    def done(self) -> None:
        for _, backup in self._backups:
            if backup is not None:
                backup.unlink(missing_ok=True)
        self._backups.clear()

    def discard(self) -> None:
        for tmp, _ in self.moves:
            tmp.unlink(missing_ok=True)
