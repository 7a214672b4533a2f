"""Personal data protection in the window: the passphrase dialogs, the audit log, the privacy note."""
