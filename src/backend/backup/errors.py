"""Why a backup or a restore was refused, in words an operator can act on."""


class BackupError(Exception):
    """Nothing was restored, or no backup was made; the message says why."""


class BackupInvalid(BackupError):
    """The folder is not a whole, undamaged backup."""


class SchemaMismatch(BackupError):
    """The backup's dbo tables are defined otherwise than this database's."""


class BackupExists(BackupError):
    """A backup would overwrite files already there."""


class SyncRunning(BackupError):
    """A sync holds the lock that a restore needs."""
