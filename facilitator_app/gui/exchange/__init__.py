"""Exchange packages in the window: File menu actions, the import summary, the conflicts dialog."""
