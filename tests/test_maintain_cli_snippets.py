"""Reading `aws` commands out of shell snippets, and the CLI's shorthand syntax."""

from __future__ import annotations

import pytest

from wizard.maintain.cli_snippets import (
    AwsCommand,
    Option,
    ShorthandError,
    find_aws_commands,
    parse_shorthand,
)


def test_a_continued_command_keeps_each_option_line_and_column():
    code = (
        "aws lambda-microvms run-microvm \\\n"
        '  --image-identifier "$IMAGE" \\\n'
        "  --maximum-duration-in-seconds 28800\n"
    )

    assert find_aws_commands(code) == [
        AwsCommand(
            service="lambda-microvms",
            operation="run-microvm",
            line=0,
            col=0,
            options=[
                Option("image-identifier", ["$IMAGE"], 1, 2),
                Option("maximum-duration-in-seconds", ["28800"], 2, 2),
            ],
        )
    ]


def test_pipes_comments_prefixes_and_global_options_are_understood():
    code = (
        "# aws lambda-microvms not-a-command\n"
        "time aws --region us-east-1 lambda-microvms get-microvm --microvm-identifier x | jq .\n"
        "docker run --dns 169.254.169.253 my-image\n"
    )

    (command,) = find_aws_commands(code)

    assert (command.service, command.operation, command.line, command.col) == (
        "lambda-microvms",
        "get-microvm",
        1,
        5,
    )
    assert command.global_options == {"--region": "us-east-1"}
    assert command.options == [Option("microvm-identifier", ["x"], 1, 56)]


def test_shorthand_reads_structures_lists_and_nesting():
    assert parse_shorthand("a=1,b={c=x,d=[1,2]},e=[p,q]") == {
        "a": "1",
        "b": {"c": "x", "d": ["1", "2"]},
        "e": ["p", "q"],
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("PUBLIC", "expected key=value, found 'PUBLIC'"),
        ("a={b=1", "expected '}' at character 7"),
        ("a b=1", "expected a member name, found 'a b'"),
    ],
)
def test_broken_shorthand_says_where(text, message):
    with pytest.raises(ShorthandError) as raised:
        parse_shorthand(text)

    assert str(raised.value) == message
