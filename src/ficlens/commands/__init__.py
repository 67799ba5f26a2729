"""One module per ``ficlens`` subcommand; each has ``add_arguments(parser)`` and ``main(args)``."""
