from ficlens.cli import main

raise SystemExit(main())
