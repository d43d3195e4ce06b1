import sys

from circularcities.cli import main

sys.exit(main())
