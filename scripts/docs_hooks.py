"""MkDocs hook: generates the CLI and GraphQL reference pages at build time.

The CLI page walks the click commands of `cli.main:cli`; the GraphQL page reads
`schema.graphql`. Both are generated on every build, so they never drift from the code.
"""

from __future__ import annotations

from pathlib import Path

import click
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    build_schema,
    is_specified_scalar_type,
    print_type,
)
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema.graphql"
CLI_PAGE = "reference/cli.md"
GRAPHQL_PAGE = "reference/graphql.md"


def on_files(files: Files, config) -> Files:
    """Adds the generated reference pages to the site."""
    from cli.main import cli  # imported here: the hook module loads before the build

    files.append(File.generated(config, CLI_PAGE, content=cli_markdown(cli)))
    files.append(File.generated(config, GRAPHQL_PAGE, content=graphql_markdown(SCHEMA)))
    return files


def cli_markdown(root: click.Command, name: str = "lodestar") -> str:
    """One section per command, depth first, each with its `--help` text."""
    lines = [
        "# CLI reference",
        "",
        "Generated from the `lodestar` command's own help at build time. Every command that",
        "talks to a control plane takes `--url` (default `http://127.0.0.1:3000/graphql`,",
        "environment `LODESTAR_URL`) and sends `$LODESTAR_TOKEN` when it is set.",
        "",
    ]
    for path, command, ctx in _walk(root, _context(root, name)):
        level = "#" * min(len(path) + 1, 6)
        lines += [f"{level} `{' '.join(path)}`", "", "```text", command.get_help(ctx), "```", ""]
    return "\n".join(lines)


def _walk(command: click.Command, ctx: click.Context):
    yield ctx.command_path.split(), command, ctx
    if isinstance(command, click.Group):
        for sub_name in command.list_commands(ctx):
            sub = command.get_command(ctx, sub_name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, _context(sub, sub_name, ctx))


def _context(command: click.Command, name: str, parent: click.Context | None = None):
    """The context the real command line would make (its context settings included)."""
    return command.make_context(name, [], parent=parent, resilient_parsing=True)


_KINDS = (
    ("Objects", GraphQLObjectType),
    ("Input objects", GraphQLInputObjectType),
    ("Interfaces", GraphQLInterfaceType),
    ("Unions", GraphQLUnionType),
    ("Enums", GraphQLEnumType),
    ("Scalars", GraphQLScalarType),
)
_ROOTS = ("Query", "Mutation", "Subscription")


def graphql_markdown(schema_file: Path) -> str:
    """The root types first, then every named type by kind, each as SDL with its docs."""
    schema = build_schema(schema_file.read_text(encoding="utf-8"))
    types = {
        name: t
        for name, t in sorted(schema.type_map.items())
        if not name.startswith("__") and not is_specified_scalar_type(t)
    }
    lines = [
        "# GraphQL reference",
        "",
        "Generated from `schema.graphql` (the schema `lodestar up` serves at `/graphql`) at",
        "build time. Errors are typed results: a field's union names each error it can return.",
        "",
    ]
    for name in _ROOTS:
        if name in types:
            lines += _type_section(types.pop(name), "##")
    for title, kind in _KINDS:
        members = [t for t in types.values() if isinstance(t, kind)]
        if members:
            lines += [f"## {title}", ""]
            for named in members:
                lines += _type_section(named, "###")
    return "\n".join(lines)


def _type_section(named, level: str) -> list[str]:
    return [f"{level} {named.name}", "", "```graphql", print_type(named), "```", ""]
