/// The `argparse` module, written in Python: parsers, arguments with Python's actions,
/// `nargs`, `type`, `choices` and defaults, `Namespace`, and the usage line and error exit
/// (status 2) of CPython's. Lessons mostly call `parse_args()` with no command-line
/// arguments and read the defaults.
enum ArgparsePrelude {
    static let source = #"""
import sys as _sys
import os as _os

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."
_UNSET = object()


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _action_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Namespace:
    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        parts = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                parts.append("%s=%r" % (name, value))
            else:
                star[name] = value
        if star:
            parts.append("**%s" % repr(star))
        return "Namespace(%s)" % ", ".join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, kind="store"):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind

    def __repr__(self):
        kind = {"store": "_StoreAction", "store_const": "_StoreConstAction", "store_true": "_StoreTrueAction",
                "store_false": "_StoreFalseAction", "append": "_AppendAction", "append_const": "_AppendConstAction",
                "count": "_CountAction", "help": "_HelpAction", "version": "_VersionAction"}[self.kind]
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help", "metavar"]
        return "%s(%s)" % (kind, ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))


class _Group:
    def __init__(self, parser, title=None, description=None, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.required = required

    def add_argument(self, *args, **kwargs):
        return self._parser.add_argument(*args, **kwargs)

    def add_argument_group(self, *args, **kwargs):
        return _Group(self._parser, *args, **kwargs)

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self._parser, required=required)

    def set_defaults(self, **kwargs):
        self._parser.set_defaults(**kwargs)


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog = prog


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv else ""
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._formatter = formatter_class
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if action.kind != "help":
                    self._actions.append(action)
            self._defaults.update(parent._defaults)

    def add_argument(self, *args, action="store", nargs=None, const=None, default=_UNSET, type=None,
                     choices=None, required=None, help=None, metavar=None, dest=None, version=None):
        explicit_default = default is not _UNSET
        if not explicit_default:
            default = None
        if not args or (len(args) == 1 and not args[0].startswith("-")):
            if not args:
                raise TypeError("add_argument() missing 1 required positional argument: 'dest'")
            if dest is not None:
                raise ValueError("dest supplied twice for positional argument")
            option_strings = []
            dest = args[0]
            if required is None:
                # A '*' positional without a default of its own counts as required, as in CPython.
                required = nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER) or (nargs == ZERO_OR_MORE and not explicit_default)
        else:
            option_strings = list(args)
            for option in option_strings:
                if not option.startswith("-"):
                    raise ValueError("invalid option string %r: must start with a character '-'" % option)
            if dest is None:
                long_options = [o for o in option_strings if o.startswith("--")]
                dest = (long_options or option_strings)[0].lstrip("-").replace("-", "_")
            if required is None:
                required = False
            for existing in self._actions:
                for option in option_strings:
                    if option in existing.option_strings:
                        raise ArgumentError(None, "argument %s: conflicting option string: %s" % ("/".join(option_strings), option))
        if action == "store_true":
            nargs, const = 0, True
            default = False if default is None else default
        elif action == "store_false":
            nargs, const = 0, False
            default = True if default is None else default
        elif action in ("store_const", "append_const", "count", "help", "version"):
            nargs = 0
        elif action not in ("store", "append"):
            raise ValueError("unknown action %r" % (action,))
        if action in ("store", "append") and nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate")
        if default is None and self.argument_default is not None:
            default = self.argument_default
        if type is not None and not callable(type):
            raise ValueError("%r is not callable" % (type,))
        a = Action(option_strings, dest, nargs=nargs, const=const, default=default, type=type,
                   choices=choices, required=required, help=help, metavar=metavar, kind=action)
        a.version = version
        self._actions.append(a)
        return a

    def add_argument_group(self, title=None, description=None):
        return _Group(self, title, description)

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self, required=required)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return "{%s}" % ",".join(map(str, action.choices))
        if action.option_strings:
            return action.dest.upper()
        return action.dest

    def _format_args(self, action):
        m = self._metavar(action)
        if isinstance(m, tuple):
            names = list(m)
        else:
            names = [m] * (action.nargs if isinstance(action.nargs, int) else 1)
        if action.nargs is None:
            return names[0]
        if action.nargs == OPTIONAL:
            return "[%s]" % m
        if action.nargs == ZERO_OR_MORE:
            return "[%s ...]" % m if not action.option_strings and False else "[%s ...]" % m
        if action.nargs == ONE_OR_MORE:
            return "%s [%s ...]" % (m, m)
        if action.nargs == REMAINDER:
            return "..."
        return " ".join(names)

    def _usage_part(self, action):
        if action.option_strings:
            part = action.option_strings[0]
            if action.nargs != 0:
                part += " " + self._format_args(action)
            return part if action.required else "[%s]" % part
        return self._format_args(action)

    def format_usage(self):
        if self.usage is not None:
            return "usage: %s\n" % self.usage.replace("%(prog)s", self.prog)
        optionals = [self._usage_part(a) for a in self._actions if a.option_strings and a.help != SUPPRESS]
        positionals = [self._usage_part(a) for a in self._actions if not a.option_strings and a.help != SUPPRESS]
        prefix = "usage: "
        text_width = 78
        usage = " ".join([self.prog] + optionals + positionals)
        if len(prefix) + len(usage) <= text_width:
            return prefix + usage + "\n"

        def get_lines(parts, indent, first=None):
            lines = []
            line = []
            line_len = len(first) - 1 if first is not None else len(indent) - 1
            for part in parts:
                if line_len + 1 + len(part) > text_width and line:
                    lines.append(indent + " ".join(line))
                    line = []
                    line_len = len(indent) - 1
                line.append(part)
                line_len += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if first is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(self.prog) <= 0.75 * text_width:
            indent = " " * (len(prefix) + len(self.prog) + 1)
            if optionals:
                lines = get_lines([self.prog] + optionals, indent, prefix)
                lines.extend(get_lines(positionals, indent))
            elif positionals:
                lines = get_lines([self.prog] + positionals, indent, prefix)
            else:
                lines = [self.prog]
        else:
            indent = " " * len(prefix)
            lines = [self.prog] + get_lines(optionals, indent) + get_lines(positionals, indent)
        return prefix + "\n".join(lines) + "\n"

    def _invocation(self, action):
        if not action.option_strings:
            return self._format_args(action)
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action)
        return ", ".join("%s %s" % (option, args) for option in action.option_strings)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self.prog)
        for name in list(params):
            if params[name] == SUPPRESS:
                del params[name]
        if params.get("choices") is not None:
            params["choices"] = ", ".join(map(str, params["choices"]))
        if params.get("type") is not None and hasattr(params["type"], "__name__"):
            params["type"] = params["type"].__name__
        text = action.help
        if self._formatter is ArgumentDefaultsHelpFormatter and "%(default)" not in text and action.default != SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %(default)s)"
        return text % params

    def _wrap(self, text, width):
        words = text.split()
        lines = []
        line = ""
        for word in words:
            while len(word) > width and not line:
                lines.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
                while len(line) > width:
                    lines.append(line[:width])
                    line = line[width:]
        if line:
            lines.append(line)
        return lines

    def format_help(self):
        width = 78
        shown = [a for a in self._actions if a.help != SUPPRESS]
        invocations = [self._invocation(a) for a in shown]
        longest = max([len(i) + 2 for i in invocations] + [0])
        help_position = min(longest + 2, 24)
        help_width = max(width - help_position, 11)
        action_width = help_position - 4
        out = self.format_usage()
        if self.description:
            out += "\n" + "\n".join(self._wrap(self.description, width)) + "\n"
        for title, group in [("positional arguments", [a for a in shown if not a.option_strings]),
                             ("options", [a for a in shown if a.option_strings])]:
            if not group:
                continue
            out += "\n" + title + ":\n"
            for action in group:
                header = self._invocation(action)
                if not action.help:
                    out += "  " + header + "\n"
                    continue
                if len(header) <= action_width:
                    out += "  " + header.ljust(action_width) + "  "
                    first_indent = 0
                else:
                    out += "  " + header + "\n"
                    first_indent = help_position
                lines = self._wrap(self._expand_help(action), help_width)
                if lines:
                    out += " " * first_indent + lines[0] + "\n"
                    for line in lines[1:]:
                        out += " " * help_position + line + "\n"
                elif first_indent == 0:
                    out += "\n"
        if self.epilog:
            out += "\n" + "\n".join(self._wrap(self.epilog, width)) + "\n"
        return out

    def print_help(self, file=None):
        print(self.format_help(), end="", file=file if file is not None else _sys.stdout)

    def print_usage(self, file=None):
        print(self.format_usage(), end="", file=file if file is not None else _sys.stdout)

    def exit(self, status=0, message=None):
        if message:
            print(message, end="", file=_sys.stderr)
        _sys.exit(status)

    def error(self, message):
        print(self.format_usage(), end="", file=_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest != SUPPRESS and not hasattr(namespace, action.dest) and action.default != SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        try:
            extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _option(self, token):
        if "=" in token and token.startswith("--"):
            name, value = token.split("=", 1)
        elif "=" in token and len(token) > 2 and token[2] == "=":
            name, value = token[:2], token[3:]
        else:
            name, value = token, None
        for action in self._actions:
            if name in action.option_strings:
                return action, value
        if len(token) > 2 and not token.startswith("--"):
            for action in self._actions:
                if token[:2] in action.option_strings:
                    return action, token[2:]
        if self.allow_abbrev and name.startswith("--"):
            found = [(a, o) for a in self._actions for o in a.option_strings if o.startswith(name)]
            if len(found) == 1:
                return found[0][0], value
            if len(found) > 1:
                options = ", ".join(o for _, o in found)
                raise ArgumentError(None, "ambiguous option: %s could match %s" % (name, options))
        return None, None

    def _is_option(self, token):
        if not token.startswith("-") or token == "-":
            return False
        if token == "--":
            return True
        try:
            float(token)
            return any(o[1:].replace(".", "").isdigit() for a in self._actions for o in a.option_strings)
        except ValueError:
            return True

    def _convert(self, action, value):
        if action.type is None:
            result = value
        else:
            try:
                result = action.type(value)
            except ArgumentTypeError as err:
                raise ArgumentError(action, str(err))
            except (TypeError, ValueError):
                name = getattr(action.type, "__name__", repr(action.type))
                raise ArgumentError(action, "invalid %s value: %r" % (name, value))
        return result

    def _check(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))
        return value

    def _take(self, action, values):
        if action.nargs is None:
            return self._check(action, self._convert(action, values[0]))
        if action.nargs == OPTIONAL:
            if values:
                return self._check(action, self._convert(action, values[0]))
            if action.option_strings:
                return action.const
            value = action.default
            return self._convert(action, value) if isinstance(value, str) else value
        if not values and action.nargs == ZERO_OR_MORE and not action.option_strings:
            return action.default if action.default is not None else []
        values = [self._convert(action, v) for v in values]
        for v in values:
            self._check(action, v)
        return values

    def _count(self, action, available, explicit):
        n = action.nargs
        if explicit:
            # '--opt=value' gives exactly one string.
            if isinstance(n, int) and n != 1:
                raise ArgumentError(action, "expected %d argument%s" % (n, "" if n == 1 else "s"))
            return 1
        if n is None:
            if available < 1:
                raise ArgumentError(action, "expected one argument")
            return 1
        if n == OPTIONAL:
            return min(available, 1)
        if n in (ZERO_OR_MORE, REMAINDER):
            return available
        if n == ONE_OR_MORE:
            if available < 1:
                raise ArgumentError(action, "expected at least one argument")
            return available
        if available < n:
            raise ArgumentError(action, "expected %d argument%s" % (n, "" if n == 1 else "s"))
        return n

    def _store(self, action, namespace, value):
        kind = action.kind
        if kind in ("store", "store_const", "store_true", "store_false"):
            setattr(namespace, action.dest, value)
        elif kind in ("append", "append_const"):
            items = getattr(namespace, action.dest, None)
            items = [] if items is None else list(items)
            items.append(value)
            setattr(namespace, action.dest, items)
        elif kind == "count":
            count = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (0 if count is None else count) + 1)

    def _limits(self, action):
        n = action.nargs
        if n is None:
            return 1, 1
        if n == OPTIONAL:
            return 0, 1
        if n in (ZERO_OR_MORE, REMAINDER):
            return 0, None
        if n == ONE_OR_MORE:
            return 1, None
        return n, n

    def _consume_positionals(self, positionals, chunk, namespace, seen):
        # As many positionals as can match, each taking as many strings as the ones after it
        # leave, like CPython's greedy regular expression over the strings before the next option.
        for k in range(len(positionals), 0, -1):
            limits = [self._limits(a) for a in positionals[:k]]
            if sum(low for low, _ in limits) <= len(chunk):
                break
        else:
            return 0
        used = 0
        for index, action in enumerate(positionals[:k]):
            rest = sum(low for low, _ in limits[index + 1:])
            low, high = limits[index]
            n = len(chunk) - used - rest
            if high is not None:
                n = min(n, high)
            seen.append(action)
            self._store(action, namespace, self._take(action, chunk[used:used + n]))
            used += n
        del positionals[:k]
        return used

    def _parse(self, args, namespace):
        extras = []
        positionals = [a for a in self._actions if not a.option_strings]
        pending = []
        seen = []
        i = 0
        only_positionals = False
        while i < len(args):
            token = args[i]
            if not only_positionals and token == "--":
                only_positionals = True
                i += 1
                continue
            if only_positionals or not self._is_option(token):
                pending.append(token)
                i += 1
                continue
            if pending:
                used = self._consume_positionals(positionals, pending, namespace, seen)
                extras.extend(pending[used:])
                pending = []
            action, explicit = self._option(token)
            if action is None:
                extras.append(token)
                i += 1
                continue
            # '-vq' is '-v' followed by '-q' when '-v' takes no value.
            while action.nargs == 0 and explicit is not None and not token.startswith("--") and explicit != "":
                seen.append(action)
                self._store(action, namespace, action.const)
                token = "-" + explicit
                action, explicit = self._option(token)
                if action is None:
                    raise ArgumentError(None, "ignored explicit argument %r" % token[1:])
            seen.append(action)
            i += 1
            if action.kind == "help":
                self.print_help()
                self.exit()
            if action.kind == "version":
                print(action.version.replace("%(prog)s", self.prog))
                self.exit()
            if action.nargs == 0:
                if explicit is not None:
                    raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                self._store(action, namespace, action.const)
                continue
            if explicit is not None:
                self._count(action, 0, True)
                self._store(action, namespace, self._take(action, [explicit]))
                continue
            available = 0
            while i + available < len(args) and not self._is_option(args[i + available]):
                available += 1
            n = self._count(action, available, False)
            self._store(action, namespace, self._take(action, args[i:i + n]))
            i += n
        used = self._consume_positionals(positionals, pending, namespace, seen)
        extras.extend(pending[used:])
        missing = [_action_name(a) for a in self._actions if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, "the following arguments are required: %s" % ", ".join(missing))
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and action.type is not None \
                    and getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return extras
"""#
}
