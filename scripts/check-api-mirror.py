#!/usr/bin/env python3
"""Checks the compile-time Jenkins API mirror (jenkins-api-mirror/) against the real upstream sources.

Every mirror file names what it mirrors in its header comment:

    Mirror of <owner>/<repo> <path inside that repo> (<version> ...)

for example "Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (jenkins-2.541.3)". An artifact
name may precede the version: "(remoting 3352.v17a_fb_4b_2773f)". The checker reads that file at that version from a
local copy of the repository and compares, for every type and member the MIRROR declares (private and
package-private members are not API and are skipped; a class without constructors has Java's implicit public
one, which upstream must have too):

  kind, visibility, static/abstract/final/default, type parameters, supertypes (each must be upstream's, directly
  or through upstream's supertypes; the mirror may leave some out), member names, parameter types (erasure, plus
  varargs), generic parameter and return types, thrown checked exceptions, field types, enum constants (names and
  order), annotation members and their defaults, @Retention and @Target.

For every mirror type that plugin sources extend or implement (--plugin), it also compares the methods a subclass
must implement (abstract methods, inherited ones included) with upstream's: a mirror with a default where upstream
is abstract lets a plugin compile here that fails against real Jenkins.

Usage:
    scripts/check-api-mirror.py --upstream DIR [--upstream DIR ...] [--mirror DIR] [--plugin DIR ...]
                                [--ref OWNER/REPO=REF ...] [--verbose]

  --upstream DIR   where the upstream repositories are. OWNER/REPO is looked up as DIR/OWNER+REPO/repo,
                   DIR/OWNER+REPO, DIR/OWNER/REPO or DIR/REPO. A git repository (bare or not, with its tags) is read
                   with `git show REF:PATH` at the version's ref: the version itself as a tag, a tag ending in
                   "-VERSION" (jenkins-2.541.3, annotation-indexer-1.18), else the commit hash that Jenkins'
                   version scheme puts after ".v" (3.1832.va_1179842528b_ -> a1179842528b). A directory that is not
                   a git repository is read as a checkout at the right version (the version is then not verified).
  --mirror DIR     the mirror's sources [jenkins-api-mirror/src/main/java next to this script's parent]
  --plugin DIR     sources whose extends/implements/anonymous classes select the types whose abstract methods are
                   compared [plugin/src]; repeatable
  --ref R=REF      check OWNER/REPO R at REF instead of the version the headers name (e.g. a newer release)
  --verbose        also list the types the plugin extends and the private/package-private members skipped

Reads only; writes nothing. Python 3 standard library only. Exit status: 0 when everything matches, 1 on any
mismatch or anything it could not read or parse ("unparsed"), 2 on bad usage.
"""

import argparse
import collections
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------------------------------------- tokenizer

TOKEN_RE = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<textblock>"""(?:\\.|[^\\])*?""")
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<ident>[^\W\d][\w$]*|\$[\w$]*)
  | (?P<number>\.?\d(?:[eEpP][+-]|[\w.])*)
  | (?P<op>\.\.\.|::|->|[{}()\[\];,.@<>=?:!~+\-*/&|^%])
''', re.S | re.X)


class ParseError(Exception):
    pass


class Tok:
    __slots__ = ('kind', 'text', 'line')

    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return self.text


def tokenize(text):
    toks, pos, line = [], 0, 1
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m:
            raise ParseError(f'line {line}: cannot read {text[pos:pos + 20]!r}')
        kind = m.lastgroup
        if kind not in ('ws', 'comment'):
            toks.append(Tok(kind, m.group(), line))
        line += m.group().count('\n')
        pos = m.end()
    toks.append(Tok('eof', '<end of file>', line))
    return toks


# ---------------------------------------------------------------------------------------------------- model

MODIFIERS = {'public', 'protected', 'private', 'static', 'abstract', 'final', 'native', 'synchronized',
             'transient', 'volatile', 'strictfp', 'default', 'sealed'}
PRIMITIVES = {'boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double', 'void'}
JAVA_LANG = set('''Object String Class Enum Record Throwable Exception RuntimeException Error Runnable Iterable
    Comparable Cloneable AutoCloseable CharSequence Number Integer Long Double Float Short Byte Character Boolean Void
    Thread ThreadLocal ClassLoader Process StringBuilder Math System Override Deprecated SuppressWarnings
    FunctionalInterface SafeVarargs InterruptedException IllegalStateException IllegalArgumentException
    SecurityException UnsupportedOperationException NullPointerException IndexOutOfBoundsException
    ClassCastException ArithmeticException CloneNotSupportedException ReflectiveOperationException
    ClassNotFoundException LinkageError OutOfMemoryError StackOverflowError AssertionError'''.split())
# exceptions that need no throws clause; others are found unchecked through the supertypes the sides declare
UNCHECKED = {'java.lang.' + n for n in '''RuntimeException Error IllegalStateException IllegalArgumentException
    SecurityException UnsupportedOperationException NullPointerException IndexOutOfBoundsException
    ClassCastException ArithmeticException LinkageError OutOfMemoryError StackOverflowError AssertionError'''.split()}
UNCHECKED |= {'org.springframework.security.access.AccessDeniedException'}  # core's checkPermission


class TypeRef:
    """A type as written: dotted name, type arguments of its last part, array dimensions."""

    def __init__(self, name, args=None, dims=0, wildcard=None, bound=None):
        self.name, self.args, self.dims = name, args, dims
        self.wildcard, self.bound = wildcard, bound  # wildcard: '?', bound kind 'extends'/'super' + TypeRef

    def __repr__(self):
        if self.wildcard:
            return '?' + (f' {self.wildcard} {self.bound}' if self.bound else '')
        args = '' if self.args is None else '<' + ', '.join(map(repr, self.args)) + '>'
        return self.name + args + '[]' * self.dims


class Decl:
    """A type or member declaration."""

    def __init__(self, kind, name, line):
        self.kind, self.name, self.line = kind, name, line
        self.mods, self.annos = set(), []          # annos: (name, [arg tokens])
        self.tparams = []                          # [(name, [TypeRef bounds])]
        self.type = None                           # field type / method return type
        self.params = []                           # [(TypeRef, varargs)]
        self.throws = []
        self.default = None                        # annotation member default, as text
        # types only
        self.extends, self.implements = [], []
        self.members, self.types, self.constants = [], [], []
        self.outer, self.file = None, None

    @property
    def fqn(self):
        return (self.outer.fqn if self.outer else self.file.package) + '.' + self.name if (
            self.outer or self.file.package) else self.name


class JavaFile:
    def __init__(self, label, text):
        self.label, self.text = label, text
        self.package, self.imports, self.star_imports, self.types = '', {}, [], []


# ---------------------------------------------------------------------------------------------------- parser

class Parser:
    def __init__(self, jfile):
        self.f = jfile
        self.t = tokenize(jfile.text)
        self.i = 0

    # -- helpers
    def peek(self, k=0):
        return self.t[min(self.i + k, len(self.t) - 1)]

    def at(self, *texts):
        return self.peek().text in texts and self.peek().kind not in ('string', 'char', 'textblock')

    def next(self):
        tok = self.peek()
        if tok.kind == 'eof':
            raise ParseError(f'line {tok.line}: unexpected end of file')
        self.i += 1
        return tok

    def expect(self, text):
        tok = self.next()
        if tok.text != text:
            raise ParseError(f'line {tok.line}: expected {text!r}, found {tok.text!r}')
        return tok

    def ident(self):
        tok = self.next()
        if tok.kind != 'ident':
            raise ParseError(f'line {tok.line}: expected a name, found {tok.text!r}')
        return tok.text

    def skip_balanced(self, open_, close):
        self.expect(open_)
        depth, start = 1, self.i
        while depth:
            tok = self.next()
            if tok.kind in ('op',):
                if tok.text == open_:
                    depth += 1
                elif tok.text == close:
                    depth -= 1
        return self.t[start:self.i - 1]

    def qualified(self):
        parts = [self.ident()]
        while self.at('.') and self.peek(1).kind == 'ident':
            self.next()
            parts.append(self.ident())
        return '.'.join(parts)

    # -- compilation unit
    def parse(self):
        f = self.f
        mods, annos = self.modifiers()
        if self.at('package'):
            self.next()
            f.package = self.qualified()
            self.expect(';')
            mods, annos = None, None
        while True:
            if self.at(';'):
                self.next()
                continue
            if not self.at('import'):
                break
            self.next()
            static = self.at('static') and bool(self.next())
            name = self.qualified()
            star = False
            if self.at('.'):
                self.next()
                self.expect('*')
                star = True
            self.expect(';')
            if static:
                continue
            if star:
                f.star_imports.append(name)
            else:
                f.imports[name.rsplit('.', 1)[-1]] = name
        while self.peek().kind != 'eof':
            if self.at(';'):
                self.next()
                continue
            if mods is None:
                mods, annos = self.modifiers()
            f.types.append(self.type_decl(mods, annos, None))
            mods = None
        return f

    def modifiers(self):
        mods, annos = set(), []
        while True:
            if self.at('@') and self.peek(1).text != 'interface':
                self.next()
                name = self.qualified()
                args = self.skip_balanced('(', ')') if self.at('(') else []
                annos.append((name, args))
            elif self.at('non') and self.peek(1).text == '-' and self.peek(2).text == 'sealed':
                self.i += 3
            elif self.at(*MODIFIERS) and not (self.at('default') and self.peek(1).text == ':'):
                mods.add(self.next().text)
            else:
                return mods, annos

    def is_type_start(self):
        if self.at('class', 'interface', 'enum'):
            return True
        if self.at('@') and self.peek(1).text == 'interface':
            return True
        return self.at('record') and self.peek(1).kind == 'ident' and self.peek(2).text in ('(', '<')

    def type_decl(self, mods, annos, outer):
        line = self.peek().line
        if self.at('@'):
            self.next()
            self.expect('interface')
            kind = 'annotation'
        else:
            kind = self.next().text
            if kind not in ('class', 'interface', 'enum', 'record'):
                raise ParseError(f'line {line}: expected a type declaration, found {kind!r}')
        d = Decl(kind, self.ident(), line)
        d.mods, d.annos, d.outer, d.file = mods, annos, outer, self.f
        if self.at('<'):
            d.tparams = self.type_params()
        if kind == 'record':
            d.record_components = self.params()
        while self.at('extends', 'implements', 'permits'):
            which = self.next().text
            types = [self.type_ref()]
            while self.at(','):
                self.next()
                types.append(self.type_ref())
            if which == 'extends' and kind == 'class':
                d.extends = types
            elif which == 'extends':  # interfaces extend interfaces
                d.implements = types
            elif which == 'implements':
                d.implements = types
        self.body(d)
        return d

    def body(self, d):
        self.expect('{')
        if d.kind == 'enum':
            self.enum_constants(d)
        while not self.at('}'):
            if self.at(';'):
                self.next()
                continue
            if self.at('{'):
                self.skip_balanced('{', '}')
                continue
            if self.at('static') and self.peek(1).text == '{':
                self.next()
                self.skip_balanced('{', '}')
                continue
            mods, annos = self.modifiers()
            if self.is_type_start():
                d.types.append(self.type_decl(mods, annos, d))
                continue
            self.member(d, mods, annos)
        self.expect('}')

    def enum_constants(self, d):
        while True:
            self.modifiers()  # annotations on a constant
            if self.at(';'):
                self.next()
                return
            if self.at('}'):
                return
            d.constants.append(self.ident())
            if self.at('('):
                self.skip_balanced('(', ')')
            if self.at('{'):
                self.skip_balanced('{', '}')
            if self.at(','):
                self.next()
            elif self.at(';'):
                self.next()
                return
            elif not self.at('}'):
                raise ParseError(f'line {self.peek().line}: unexpected {self.peek().text!r} in enum constants')

    def member(self, owner, mods, annos):
        line = self.peek().line
        tparams = self.type_params() if self.at('<') else []
        if self.peek().kind == 'ident' and self.peek().text == owner.name and self.peek(1).text in ('(', '{'):
            self.next()
            m = Decl('constructor', owner.name, line)
            if owner.kind == 'record' and self.at('{'):  # compact canonical constructor
                m.params = owner.record_components
            else:
                m.params = self.params()
        else:
            typ = self.type_ref()
            name = self.ident()
            if not self.at('('):
                self.fields(owner, mods, annos, typ, name, line)
                return
            m = Decl('method', name, line)
            m.type = typ
            m.params = self.params()
            while self.at('['):  # int foo()[] (legacy)
                self.next()
                self.expect(']')
                m.type = TypeRef(typ.name, typ.args, typ.dims + 1)
        m.mods, m.annos, m.tparams, m.outer, m.file = mods, annos, tparams, owner, self.f
        if self.at('throws'):
            self.next()
            m.throws.append(self.type_ref())
            while self.at(','):
                self.next()
                m.throws.append(self.type_ref())
        if self.at('default'):
            self.next()
            start = self.i
            while not self.at(';'):
                if self.at('(', '{'):
                    self.skip_balanced(self.peek().text, ')' if self.at('(') else '}')
                else:
                    self.next()
            m.default = ' '.join(t.text for t in self.t[start:self.i])
        if self.at('{'):
            self.skip_balanced('{', '}')
            m.has_body = True
        else:
            self.expect(';')
            m.has_body = False
        owner.members.append(m)

    def fields(self, owner, mods, annos, typ, name, line):
        while True:
            dims = 0
            while self.at('['):
                self.next()
                self.expect(']')
                dims += 1
            fd = Decl('field', name, line)
            fd.mods, fd.annos, fd.outer, fd.file = mods, annos, owner, self.f
            fd.type = TypeRef(typ.name, typ.args, typ.dims + dims)
            owner.members.append(fd)
            if self.at('='):
                self.next()
                self.initializer()
            if self.at(';'):
                self.next()
                return
            self.expect(',')
            name = self.ident()

    def initializer(self):
        """Skips a field initializer up to the ',' that starts the next declarator or the ';' that ends it."""
        while True:
            if self.at('(', '[', '{'):
                o = self.peek().text
                self.skip_balanced(o, {'(': ')', '[': ']', '{': '}'}[o])
            elif self.at(';'):
                return
            elif self.at(',') and self.peek(1).kind == 'ident' and self.peek(2).text in ('=', ',', ';', '['):
                return
            else:
                self.next()

    def params(self):
        self.expect('(')
        out = []
        while not self.at(')'):
            self.modifiers()  # final, annotations
            typ = self.type_ref()
            varargs = False
            if self.at('...'):
                self.next()
                varargs = True
            if self.at('this'):  # receiver parameter: not a parameter
                self.next()
            else:
                self.ident()
                while self.at('['):
                    self.next()
                    self.expect(']')
                    typ = TypeRef(typ.name, typ.args, typ.dims + 1)
                out.append((typ, varargs))
            if self.at(','):
                self.next()
        self.expect(')')
        return out

    def type_params(self):
        self.expect('<')
        out = []
        while True:
            self.modifiers()
            name = self.ident()
            bounds = []
            if self.at('extends'):
                self.next()
                bounds.append(self.type_ref())
                while self.at('&'):
                    self.next()
                    bounds.append(self.type_ref())
            out.append((name, bounds))
            if self.at(','):
                self.next()
                continue
            self.expect('>')
            return out

    def type_ref(self):
        self.modifiers()  # type annotations
        if self.at('?'):
            self.next()
            if self.at('extends', 'super'):
                kind = self.next().text
                return TypeRef('?', wildcard=kind, bound=self.type_ref())
            return TypeRef('?', wildcard='?')
        tok = self.next()
        if tok.kind != 'ident':
            raise ParseError(f'line {tok.line}: expected a type, found {tok.text!r}')
        name, args = tok.text, None
        while True:
            if self.at('<'):
                args = self.type_args()
            if self.at('.') and self.peek(1).kind == 'ident' or self.at('.') and self.peek(1).text == '@':
                self.next()
                self.modifiers()
                name += '.' + self.ident()
                args = None  # only the last part's arguments are kept
                continue
            break
        dims = 0
        while True:
            self.modifiers()
            if self.at('[') and self.peek(1).text == ']':
                self.i += 2
                dims += 1
            else:
                break
        return TypeRef(name, args, dims)

    def type_args(self):
        self.expect('<')
        out = []
        if self.at('>'):  # diamond
            self.next()
            return out
        while True:
            out.append(self.type_ref())
            if self.at(','):
                self.next()
                continue
            self.expect('>')
            return out


def parse_java(label, text):
    jfile = Parser(JavaFile(label, text)).parse()
    jfile.resolver = Resolver(jfile)
    return jfile


def all_types(decls):
    for d in decls:
        yield d
        yield from all_types(d.types)


# ---------------------------------------------------------------------------------------------------- names

class Resolver:
    """Turns names as written in one file into canonical names; type variables become positional placeholders."""

    def __init__(self, jfile):
        self.f = jfile
        self.top = {t.name: t for t in jfile.types}

    def type_var(self, name, decl, method):
        if method is not None:
            for i, (n, _) in enumerate(method.tparams):
                if n == name:
                    return f'<method#{i}>', method.tparams[i][1], method
        d = decl
        while d is not None:
            for i, (n, _) in enumerate(d.tparams):
                if n == name:
                    return f'<{d.fqn}#{i}>', d.tparams[i][1], d
            d = d.outer
        return None

    def qualify(self, name, decl):
        parts = name.split('.')
        first, rest = parts[0], parts[1:]
        d = decl
        while d is not None:
            if d.name == first and d.outer is None:
                return '.'.join([d.fqn] + rest)
            for t in d.types:
                if t.name == first:
                    return '.'.join([t.fqn] + rest)
            d = d.outer
        if first in self.top:
            return '.'.join([self.top[first].fqn] + rest)
        if first in self.f.imports:
            return '.'.join([self.f.imports[first]] + rest)
        if rest and first[:1].islower():
            return name  # already fully qualified
        if first in PRIMITIVES:
            return name
        if first in JAVA_LANG and not rest:
            return 'java.lang.' + first
        if self.f.star_imports:
            return '?.' + name  # same package or one of the on-demand imports: compared by simple name
        return (self.f.package + '.' if self.f.package else '') + name

    def canon(self, ref, decl, method=None, erase=False):
        if ref.wildcard:
            if ref.bound is None:
                return '?'
            return f'? {ref.wildcard} {self.canon(ref.bound, decl, method)}'
        tv = self.type_var(ref.name, decl, method) if '.' not in ref.name else None
        if tv:
            placeholder, bounds, owner = tv
            if erase:
                base = self.canon(bounds[0], owner if owner is not method else decl, method, True) if bounds \
                    else 'java.lang.Object'
                return base + '[]' * ref.dims
            return placeholder + '[]' * ref.dims
        name = self.qualify(ref.name, decl)
        if erase or ref.args is None:
            return name + '[]' * ref.dims
        return name + '<' + ', '.join(self.canon(a, decl, method) for a in ref.args) + '>' + '[]' * ref.dims


def same_name(a, b):
    """Canonical names are equal; a name the file could not pin down ('?.X') matches by its simple name."""
    if a == b:
        return True
    if a.startswith('?.') or b.startswith('?.'):
        strip = lambda s: re.sub(r'(?:[\w$?]+\.)*([\w$]+)', r'\1', s)
        return strip(a) == strip(b)
    return False


# ---------------------------------------------------------------------------------------------------- sources

class Upstream:
    """One upstream repository at one ref: a git repository (read with git show) or a plain checkout."""

    def __init__(self, repo, path, version, ref_override=None):
        self.repo, self.path, self.version = repo, path, version
        self.is_git = subprocess.run(['git', '-C', path, 'rev-parse', '--git-dir'], capture_output=True).returncode == 0
        self.ref, self.commit, self.error = None, None, None
        self._files, self._cache = None, {}
        self.roots = set()
        if self.is_git:
            self.ref = ref_override or self.find_ref(version)
            if self.ref:
                self.commit = self.git('rev-parse', '--verify', self.ref + '^{commit}').strip()
            else:
                self.error = f'no tag or commit for version {version} in {path}'

    def git(self, *args):
        return subprocess.run(['git', '-C', self.path] + list(args), capture_output=True, text=True,
                              check=True).stdout

    def has(self, ref):
        return subprocess.run(['git', '-C', self.path, 'rev-parse', '--verify', '--quiet', ref + '^{commit}'],
                              capture_output=True).returncode == 0

    def find_ref(self, version):
        if self.has('refs/tags/' + version):
            return version
        tags = [t for t in self.git('tag', '--list', '*-' + version).split() if t.endswith('-' + version)]
        if tags:
            return sorted(tags, key=len)[0]
        m = re.search(r'\.v([0-9a-f_]+)$', version)
        if m:
            sha = m.group(1).replace('_', '')
            if len(sha) >= 7 and self.has(sha):
                return sha
        return None

    def files(self):
        if self._files is None:
            if self.is_git:
                self._files = set(self.git('ls-tree', '-r', '--name-only', self.ref).splitlines())
            else:
                self._files = {os.path.relpath(os.path.join(dp, fn), self.path).replace(os.sep, '/')
                               for dp, _, fns in os.walk(self.path) for fn in fns if fn.endswith('.java')}
        return self._files

    def read(self, path):
        if path not in self._cache:
            if path not in self.files():
                self._cache[path] = None
            elif self.is_git:
                self._cache[path] = self.git('show', f'{self.ref}:{path}')
            else:
                with open(os.path.join(self.path, path), encoding='utf-8') as fh:
                    self._cache[path] = fh.read()
        return self._cache[path]

    def describe(self):
        if not self.is_git:
            return f'{self.repo} {self.version}: working files in {self.path} (version not verified)'
        if self.error:
            return f'{self.repo} {self.version}: {self.error}'
        return f'{self.repo} {self.version}: {self.ref} = {self.commit[:12]} in {self.path}'


def locate_repo(dirs, repo):
    owner, name = repo.split('/')
    for d in dirs:
        for cand in (f'{owner}+{name}/repo', f'{owner}+{name}', f'{owner}/{name}', name):
            p = os.path.join(d, cand)
            if os.path.isdir(p):
                return p
    return None


HEADER_RE = re.compile(r'Mirror of\s+([\w.-]+/[\w.-]+)\s+(\S+\.java)\s*\(\s*(?:[\w.:-]+\s+(?=\d))?'
                       r'((?:jenkins-)?\d[\w.-]*?)[\s,;)]')


def read_header(text):
    m = re.search(r'/\*\*(.*?)\*/', text, re.S)
    if not m:
        return None
    comment = re.sub(r'\s*\n\s*\*\s?', ' ', m.group(1))
    h = HEADER_RE.search(comment)
    return (h.group(1), h.group(2), h.group(3)) if h else None


class Side:
    """All the sources of one side (mirror or upstream), looked up by canonical type name."""

    def __init__(self, name):
        self.name = name
        self.by_fqn = {}

    def add(self, jfile):
        for t in all_types(jfile.types):
            self.by_fqn.setdefault(t.fqn, t)

    def lookup(self, fqn):
        return self.by_fqn.get(fqn)


class UpstreamSide(Side):
    """Finds upstream types in any configured repository on demand (for supertypes outside the mirrored files)."""

    def __init__(self, upstreams, report):
        super().__init__('upstream')
        self.upstreams, self.report = upstreams, report
        self.missing = set()

    def lookup(self, fqn):
        if fqn in self.by_fqn or fqn in self.missing or fqn.startswith(('?', '<')):
            return self.by_fqn.get(fqn)
        parts = fqn.split('.')
        for cut in range(len(parts), 0, -1):
            rel = '/'.join(parts[:cut]) + '.java'
            for up in self.upstreams:
                if up.error:
                    continue
                for root in sorted(up.roots):
                    path = f'{root}/{rel}' if root else rel
                    text = up.read(path)
                    if text is None:
                        continue
                    try:
                        self.add(parse_java(f'{up.repo}:{path}', text))
                    except ParseError as e:
                        self.report.unparsed(f'{up.repo} {up.version} {path}', str(e))
                        self.missing.add(fqn)
                        return None
                    if fqn in self.by_fqn:
                        return self.by_fqn[fqn]
        self.missing.add(fqn)
        return None


# ---------------------------------------------------------------------------------------------------- comparison

def effective_mods(d):
    """Modifiers with Java's implicit ones made explicit."""
    mods = set(d.mods)
    owner = d.outer
    in_interface = owner is not None and owner.kind in ('interface', 'annotation')
    if d.kind in ('class', 'interface', 'enum', 'annotation', 'record'):
        if in_interface:
            mods |= {'public', 'static'}
        if owner is not None and d.kind in ('interface', 'enum', 'annotation', 'record'):
            mods.add('static')
        if d.kind in ('interface', 'annotation'):
            mods.add('abstract')
        if d.kind == 'record':
            mods.add('final')
        if d.kind == 'enum':
            mods.discard('final')  # implicit unless a constant has a body: not compared
    elif d.kind == 'field':
        if in_interface:
            mods |= {'public', 'static', 'final'}
    elif d.kind == 'method':
        if in_interface:
            if 'private' not in mods:
                mods.add('public')
            if not ({'default', 'static', 'private'} & mods):
                mods.add('abstract')
    elif d.kind == 'constructor' and owner is not None and owner.kind == 'enum':
        mods.add('private')
    return mods


def visibility(mods):
    for v in ('public', 'protected', 'private'):
        if v in mods:
            return v
    return 'package-private'


COMPARED_MODS = ('static', 'abstract', 'final', 'default')


class Report:
    def __init__(self):
        self.problems = []
        self.notes = []

    def mismatch(self, where, what):
        self.problems.append(f'{where}: {what}')

    def unparsed(self, where, why):
        self.problems.append(f'{where}: unparsed: {why}')

    def note(self, text):
        self.notes.append(text)


class Checker:
    def __init__(self, mirror_side, upstream_side, report):
        self.ms, self.us, self.r = mirror_side, upstream_side, report

    # -- names and signatures
    def res(self, d):
        return d.file.resolver

    def erased_params(self, m):
        r = self.res(m)
        return tuple(r.canon(t, m.outer, m, erase=True) + ('[]' if va else '') for t, va in m.params)

    def generic_params(self, m):
        r = self.res(m)
        return tuple(r.canon(t, m.outer, m) + ('...' if va else '') for t, va in m.params)

    def signature(self, m):
        simple = lambda s: re.sub(r'(?:[\w$?]+\.)+([\w$]+)', r'\1', s)
        return f'{m.name}(' + ', '.join(simple(p) for p in self.generic_params(m)) + ')'

    def same_erasure(self, a, b):
        pa, pb = self.erased_params(a), self.erased_params(b)
        return len(pa) == len(pb) and all(same_name(x, y) for x, y in zip(pa, pb))

    def is_unchecked(self, fqn, seen=()):
        if fqn in UNCHECKED:
            return True
        if fqn in ('java.lang.Exception', 'java.lang.Throwable') or fqn in seen:
            return False
        for side in (self.ms, self.us):
            d = side.lookup(fqn)
            if d is not None and d.extends:
                sup = self.res(d).canon(d.extends[0], d, erase=True)
                return self.is_unchecked(sup, seen + (fqn,))
        return False

    def checked_throws(self, m):
        r = self.res(m)
        out = set()
        for t in m.throws:
            c = r.canon(t, m.outer, m)
            if c.startswith('<') or not self.is_unchecked(c):
                out.add(c)
        return out

    # -- types
    def compare_file(self, label, mfile, ufile):
        for mt in mfile.types:
            ut = next((u for u in ufile.types if u.name == mt.name), None)
            if ut is None:
                self.r.mismatch(f'{label}', f'type {mt.name} is not declared in the upstream file')
                continue
            self.compare_type(label, mt, ut)

    def compare_type(self, label, mt, ut):
        where = f'{label}: {mt.fqn}'
        if mt.kind != ut.kind:
            self.r.mismatch(where, f'is a {mt.kind} in the mirror, a {ut.kind} upstream')
        self.compare_mods(where, mt, ut)
        self.compare_tparams(where, mt, ut, None, None)
        self.compare_supertypes(where, mt, ut)
        if mt.kind == 'enum' and mt.constants != ut.constants:
            self.r.mismatch(where, f'enum constants {mt.constants} in the mirror, {ut.constants} upstream')
        if mt.kind == 'annotation':
            self.compare_meta_annotations(where, mt, ut)
        self.compare_members(where, mt, ut)
        for nested in mt.types:
            unested = next((u for u in ut.types if u.name == nested.name), None)
            if 'private' in nested.mods:
                continue
            if unested is None:
                self.r.mismatch(f'{label}: {nested.fqn}', 'nested type is not declared upstream')
            else:
                self.compare_type(label, nested, unested)

    def compare_mods(self, where, m, u):
        mm, um = effective_mods(m), effective_mods(u)
        if visibility(mm) != visibility(um):
            self.r.mismatch(where, f'{visibility(mm)} in the mirror, {visibility(um)} upstream')
        for mod in COMPARED_MODS:
            if (mod in mm) != (mod in um):
                self.r.mismatch(where, f'{"" if mod in mm else "not "}{mod} in the mirror, '
                                       f'{"" if mod in um else "not "}{mod} upstream')

    def compare_tparams(self, where, m, u, mmethod, umethod):
        if len(m.tparams) != len(u.tparams):
            self.r.mismatch(where, f'type parameters <{", ".join(n for n, _ in m.tparams)}> in the mirror, '
                                   f'<{", ".join(n for n, _ in u.tparams)}> upstream')
            return
        mscope, uscope = (m.outer, u.outer) if mmethod else (m, u)
        for (mn, mb), (un, ub) in zip(m.tparams, u.tparams):
            mbs = [self.res(m).canon(b, mscope, mmethod) for b in mb]
            ubs = [self.res(u).canon(b, uscope, umethod) for b in ub]
            if len(mbs) != len(ubs) or not all(same_name(a, b) for a, b in zip(mbs, ubs)):
                self.r.mismatch(where, f'type parameter {mn} has bounds {mbs or "none"} in the mirror, '
                                       f'{un} has {ubs or "none"} upstream')

    def supertypes(self, d):
        r = self.res(d)
        return [r.canon(t, d) for t in d.extends + d.implements]

    def all_supertypes(self, d, side, seen=None):
        seen = set() if seen is None else seen
        for s in self.supertypes(d):
            if s in seen:
                continue
            seen.add(s)
            sd = side.lookup(re.sub(r'<.*', '', s))
            if sd is not None:
                self.all_supertypes(sd, side, seen)
        return seen

    def compare_supertypes(self, where, mt, ut):
        direct = self.supertypes(ut)
        for s in self.supertypes(mt):
            if any(same_name(s, u) for u in direct):
                continue
            if any(same_name(s, u) for u in self.all_supertypes(ut, self.us)):
                continue
            self.r.mismatch(where, f'the mirror declares supertype {s}; upstream has {direct or "none"}')

    def compare_meta_annotations(self, where, mt, ut):
        def meta(d, name):
            for n, args in d.annos:
                if n.rsplit('.', 1)[-1] == name:
                    return sorted(re.findall(r'\b[A-Z][A-Z_]*\b', ' '.join(t.text for t in args)))
            return None
        for name in ('Retention', 'Target'):
            if meta(mt, name) != meta(ut, name):
                self.r.mismatch(where, f'@{name} {meta(mt, name)} in the mirror, {meta(ut, name)} upstream')

    # -- members
    def compare_members(self, where, mt, ut):
        ctors = [m for m in mt.members if m.kind == 'constructor']
        if mt.kind == 'class' and not ctors:
            self.implicit_constructor(where, mt, ut)
        for m in mt.members:
            if visibility(effective_mods(m)) in ('private', 'package-private'):
                self.r.note(f'{where}: skipped {visibility(effective_mods(m))} {m.kind} {m.name}')
                continue
            if m.kind == 'field':
                self.compare_field(where, m, ut)
            else:
                self.compare_method(where, m, ut)

    def implicit_constructor(self, where, mt, ut):
        uctors = [u for u in ut.members if u.kind == 'constructor']
        if not uctors:
            return
        mvis = visibility(effective_mods(mt))
        accepted = {mvis} | ({'protected'} if 'abstract' in mt.mods else set())
        if not any(not u.params and visibility(effective_mods(u)) in accepted for u in uctors):
            have = ', '.join(f'{visibility(effective_mods(u))} {self.signature(u)}' for u in uctors)
            self.r.mismatch(where, f'the mirror has Java\'s implicit {mvis} no-argument constructor; upstream '
                                   f'declares {have}')

    def compare_field(self, where, m, ut):
        u = next((x for x in ut.members if x.kind == 'field' and x.name == m.name), None)
        w = f'{where}.{m.name}'
        if u is None:
            self.r.mismatch(w, 'field is not declared upstream')
            return
        self.compare_mods(w, m, u)
        mtype, utype = self.res(m).canon(m.type, m.outer), self.res(u).canon(u.type, u.outer)
        if not same_name(mtype, utype):
            self.r.mismatch(w, f'field type {mtype} in the mirror, {utype} upstream')

    def compare_method(self, where, m, ut):
        candidates = [x for x in ut.members if x.kind == m.kind and x.name == m.name]
        w = f'{where}#{self.signature(m)}'
        u = next((x for x in candidates if self.same_erasure(m, x)), None)
        if u is None:
            have = '; '.join(f'{" ".join(sorted(effective_mods(x) & {"public", "protected"}))} {self.signature(x)}'
                             for x in candidates) or 'nothing of that name'
            self.r.mismatch(w, f'no {m.kind} with these parameter types upstream (upstream has: {have})')
            return
        self.compare_mods(w, m, u)
        self.compare_tparams(w, m, u, m, u)
        mg, ug = self.generic_params(m), self.generic_params(u)
        if len(mg) != len(ug) or not all(same_name(a, b) for a, b in zip(mg, ug)):
            self.r.mismatch(w, f'parameter types ({", ".join(mg)}) in the mirror, ({", ".join(ug)}) upstream')
        if m.kind == 'method':
            mr, ur = self.res(m).canon(m.type, m.outer, m), self.res(u).canon(u.type, u.outer, u)
            if not same_name(mr, ur):
                self.r.mismatch(w, f'returns {mr} in the mirror, {ur} upstream')
        mt_, ut_ = self.checked_throws(m), self.checked_throws(u)
        if not (len(mt_) == len(ut_) and all(any(same_name(a, b) for b in ut_) for a in mt_)):
            self.r.mismatch(w, f'throws {sorted(mt_) or "nothing checked"} in the mirror, '
                               f'{sorted(ut_) or "nothing checked"} upstream')
        if (m.default is None) != (u.default is None) or (
                m.default is not None and self.value(m.default) != self.value(u.default)):
            self.r.mismatch(w, f'annotation default {m.default} in the mirror, {u.default} upstream')

    @staticmethod
    def value(text):
        """An annotation default without spaces and without the qualifiers of constants (YesNoMaybe.MAYBE)."""
        return re.sub(r'(?:\b[A-Za-z_$][\w$]*\s*\.\s*)+(?=[A-Za-z_$])', '', text).replace(' ', '')

    # -- what a subclass must implement
    OBJECT_METHODS = {('toString', ()), ('hashCode', ()), ('equals', ('java.lang.Object',))}

    def supertype_decls(self, d, side):
        r = self.res(d)
        for s in d.extends + d.implements:
            sd = side.lookup(r.canon(s, d, erase=True))
            if sd is not None:
                yield sd

    def instance_methods(self, d):
        return [m for m in d.members if m.kind == 'method' and not ({'static', 'private'} & effective_mods(m))]

    def abstract_methods(self, d, side, seen=()):
        """Key -> (method, declaring type) for the methods a concrete subclass of d must implement."""
        if d.fqn in seen:
            return {}
        inherited, supers = {}, list(self.supertype_decls(d, side))
        for sd in supers:
            for k, v in self.abstract_methods(sd, side, seen + (d.fqn,)).items():
                inherited.setdefault(k, v)
        own = self.instance_methods(d)
        for m in own:  # a declaration here overrides what is inherited
            for k in [k for k in inherited if self.implements(m, k)]:
                del inherited[k]
        for sd in supers:  # inherited bodies implement inherited abstract methods
            for m in self.concrete_methods(sd, side, seen + (d.fqn,)):
                for k in [k for k in inherited if self.implements(m, k)]:
                    del inherited[k]
        for m in own:
            if 'abstract' in effective_mods(m) and self.key(m) not in self.OBJECT_METHODS:
                inherited.setdefault(self.key(m), (m, d))
        return inherited

    def concrete_methods(self, d, side, seen=()):
        """The instance methods with a body that d has, declared or inherited and not made abstract again."""
        if d.fqn in seen:
            return []
        own = self.instance_methods(d)
        out = [m for m in own if 'abstract' not in effective_mods(m)]
        reabstracted = [self.key(m) for m in own if 'abstract' in effective_mods(m)]
        for sd in self.supertype_decls(d, side):
            out += [m for m in self.concrete_methods(sd, side, seen + (d.fqn,))
                    if not any(self.implements(m, k) for k in reabstracted)]
        return out

    def key(self, m):
        r = self.res(m)
        return (m.name, tuple('*' if r.canon(t, m.outer, m).startswith('<') else r.canon(t, m.outer, m, erase=True)
                              for t, _ in m.params))

    def implements(self, m, key):
        name, params = key
        mine = self.key(m)[1]
        return m.name == name and len(mine) == len(params) and all(
            a == '*' or b == '*' or same_name(a, b) for a, b in zip(mine, params))

    def compare_obligations(self, label, mt, ut):
        mabs = self.abstract_methods(mt, self.ms)
        uabs = self.abstract_methods(ut, self.us)
        where = f'{label}: {mt.fqn}'
        for k, (u, owner) in sorted(uabs.items()):
            if not any(self.matches_key(k, mk) for mk in mabs):
                self.r.mismatch(where, f'a subclass must implement {owner.name}#{self.signature(u)} upstream; '
                                       f'the mirror does not require it (missing, or a default/body there)')
        for k, (m, owner) in sorted(mabs.items()):
            if not any(self.matches_key(k, uk) for uk in uabs):
                self.r.mismatch(where, f'the mirror requires subclasses to implement {owner.name}#{self.signature(m)};'
                                       f' upstream does not')

    @staticmethod
    def matches_key(a, b):
        return a[0] == b[0] and len(a[1]) == len(b[1]) and all(
            x == '*' or y == '*' or same_name(x, y) for x, y in zip(a[1], b[1]))


# ---------------------------------------------------------------------------------------------------- plugin scan

def extended_types(plugin_dirs, mirror_side):
    """Canonical names of the mirror types that a concrete class of the plugin's sources (named or anonymous)
    extends or implements, directly or through the plugin's own abstract classes and interfaces."""
    supers, concrete = {}, []  # plugin type -> canonical supertypes; the concrete ones
    for root in plugin_dirs:
        for dp, _, fns in sorted(os.walk(root)):
            for fn in sorted(fns):
                if not fn.endswith('.java'):
                    continue
                path = os.path.join(dp, fn)
                with open(path, encoding='utf-8') as fh:
                    text = fh.read()
                try:
                    jf = parse_java(path, text)
                except ParseError as e:
                    raise ParseError(f'{path}: {e}') from e
                for t in all_types(jf.types):
                    supers[t.fqn] = [jf.resolver.canon(x, t, erase=True) for x in t.extends + t.implements]
                    if t.kind in ('enum', 'record') or t.kind == 'class' and 'abstract' not in t.mods:
                        concrete.append(t.fqn)
                for n, name in enumerate(anonymous_classes(tokenize(text))):
                    anon = f'{path}#anonymous{n}'
                    supers[anon] = [jf.resolver.qualify(name, jf.types[0] if jf.types else None)]
                    concrete.append(anon)
    found, todo, seen = set(), list(concrete), set()
    while todo:
        t = todo.pop()
        for s in supers.get(t, []):
            if s in seen:
                continue
            seen.add(s)
            if mirror_side.lookup(s) is not None:
                found.add(s)
            todo.append(s)
    return found


def anonymous_classes(toks):
    """The type names in `new X<...>(...) {` (anonymous classes)."""
    for i, tok in enumerate(toks):
        if tok.text != 'new' or toks[i + 1].kind != 'ident':
            continue
        j, name = i + 1, toks[i + 1].text
        while toks[j + 1].text == '.' and toks[j + 2].kind == 'ident':
            j += 2
            name += '.' + toks[j].text
        j += 1
        for open_, close in (('<', '>'), ('(', ')')):
            if toks[j].text == open_:
                depth = 0
                while True:
                    depth += {open_: 1, close: -1}.get(toks[j].text, 0)
                    j += 1
                    if depth == 0 or toks[j].kind == 'eof':
                        break
        if toks[j - 1].text == ')' and toks[j].text == '{':
            yield name


# ---------------------------------------------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--upstream', action='append', required=True, metavar='DIR')
    ap.add_argument('--mirror', default=os.path.join(here, 'jenkins-api-mirror', 'src', 'main', 'java'))
    ap.add_argument('--plugin', action='append', metavar='DIR')
    ap.add_argument('--ref', action='append', default=[], metavar='OWNER/REPO=REF')
    ap.add_argument('--verbose', '-v', action='store_true')
    args = ap.parse_args()
    plugin_dirs = args.plugin or [os.path.join(here, 'plugin', 'src')]
    refs = {}
    for spec in args.ref:
        if '=' not in spec:
            ap.error(f'--ref {spec}: expected OWNER/REPO=REF')
        k, v = spec.split('=', 1)
        refs[k] = v
    if not os.path.isdir(args.mirror):
        ap.error(f'no mirror sources in {args.mirror}')

    report = Report()
    mirror_side = Side('mirror')
    entries = []  # (label, mirror JavaFile, repo, upstream path, version)
    for dp, _, fns in sorted(os.walk(args.mirror)):
        for fn in sorted(fns):
            if not fn.endswith('.java'):
                continue
            path = os.path.join(dp, fn)
            label = os.path.relpath(path, args.mirror)
            with open(path, encoding='utf-8') as fh:
                text = fh.read()
            try:
                jf = parse_java(label, text)
            except ParseError as e:
                report.unparsed(label, str(e))
                continue
            mirror_side.add(jf)
            header = read_header(text)
            if header is None:
                report.unparsed(label, 'no "Mirror of <owner>/<repo> <path> (<version>" header')
                continue
            repo, upath, version = header
            if not upath.endswith(label.replace(os.sep, '/')):
                report.mismatch(label, f'the header names {upath}, which is not this type\'s path')
            entries.append((label, jf, repo, upath, version))

    # one Upstream per repository and version; a repository named at two versions is reported
    versions = collections.defaultdict(collections.Counter)
    for _, _, repo, _, version in entries:
        versions[repo][version] += 1
    upstreams = {}
    for repo, counter in sorted(versions.items()):
        if len(counter) > 1:
            report.mismatch(repo, f'mirror headers name different versions: {dict(counter)}')
        location = locate_repo(args.upstream, repo)
        if location is None:
            report.unparsed(repo, f'no copy of {repo} under {", ".join(args.upstream)}')
            continue
        for version in counter:
            up = Upstream(repo, location, version, refs.get(repo))
            if up.error:
                report.unparsed(repo, up.error)
            upstreams[(repo, version)] = up
    upstream_side = UpstreamSide(list(upstreams.values()), report)
    for label, jf, repo, upath, version in entries:
        up = upstreams.get((repo, version))
        if up is not None and jf.package:
            rel = jf.package.replace('.', '/') + '/'
            if rel in upath:
                up.roots.add(upath[:upath.rindex(rel)].rstrip('/'))

    checker = Checker(mirror_side, upstream_side, report)
    pairs = []
    for label, jf, repo, upath, version in entries:
        up = upstreams.get((repo, version))
        if up is None or up.error:
            continue
        text = up.read(upath)
        if text is None:
            report.mismatch(label, f'{upath} does not exist in {repo} at {up.ref or up.version}')
            continue
        try:
            uf = parse_java(f'{repo}:{upath}', text)
        except ParseError as e:
            report.unparsed(f'{label} (upstream {repo} {upath})', str(e))
            continue
        upstream_side.add(uf)
        pairs.append((label, jf, uf))
    for label, jf, uf in pairs:
        checker.compare_file(label, jf, uf)

    try:
        extended = extended_types(plugin_dirs, mirror_side)
    except (ParseError, OSError) as e:
        report.unparsed('plugin sources', str(e))
        extended = set()
    for label, jf, uf in pairs:
        for mt in all_types(jf.types):
            if mt.fqn in extended:
                ut = upstream_side.by_fqn.get(mt.fqn)
                if ut is not None:
                    checker.compare_obligations(label, mt, ut)

    print('Upstream versions checked:')
    for up in sorted(upstreams.values(), key=lambda u: u.repo):
        print('  ' + up.describe())
    print(f'Mirror files: {len(entries)}; compared: {len(pairs)}; types the plugin extends or implements: '
          f'{len(extended)}')
    if args.verbose:
        for fqn in sorted(extended):
            print(f'  extended by the plugin: {fqn}')
        for n in report.notes:
            print('  ' + n)
    if report.problems:
        print(f'\n{len(report.problems)} problem(s):')
        for p in report.problems:
            print('  ' + p)
        return 1
    print('\nThe mirror matches upstream for every member it declares.')
    return 0


if __name__ == '__main__':
    sys.exit(main())
