from milobot.cli import main

raise SystemExit(main())
