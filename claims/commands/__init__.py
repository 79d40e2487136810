"""One module a `claims` command (claims/cli.py loads each only when it is run).

Each command parses its options and calls one public function of the product; what
it prints, and its exit status, are fixed by ../shared/CONTRACT.md. Helpers shared by
several commands live in claims/commands/output.py.
"""
