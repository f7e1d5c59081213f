"""What each command line command does, kept apart from argument parsing."""
