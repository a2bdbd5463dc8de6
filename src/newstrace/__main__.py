"""`python -m newstrace`: the same command line as the `newstrace` script."""

from newstrace.cli import main

if __name__ == "__main__":
    main()
