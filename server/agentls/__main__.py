from agentls.cli.main import main

raise SystemExit(main())
