"""Personal data protection: the assembly file's encryption key (cipher, passphrases), encrypted
packages, what each laptop receives, erasure and retention, the audit log and encrypted backups.

Modules are imported by their full path; this package imports nothing, because the store itself
uses `core.privacy.cipher` to open encrypted files.
"""
