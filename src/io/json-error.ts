/**
 * Where invalid JSON goes wrong. `JSON.parse` says so in words that differ by engine (V8
 * gives "at position 123" for some errors and only a snippet for others; Firefox gives line
 * and column), so after a failed parse this scanner finds the offset itself: the same answer
 * in Node, Chrome, Firefox and Safari. It builds no values and is iterative, so neither a
 * 50 MB file nor deep nesting is a problem.
 */

/** Scans JSON tokens from `i`; each method stops at the first character that does not fit. */
class Scanner {
  i = 0;
  constructor(private readonly s: string) {}

  whitespace(): void {
    const s = this.s;
    let i = this.i;
    for (let c = s.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = s.charCodeAt(++i));
    this.i = i;
  }

  /** A string, number, true, false or null. */
  scalar(): boolean {
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (c === 't') return this.word('true');
    if (c === 'f') return this.word('false');
    if (c === 'n') return this.word('null');
    return false;
  }

  /** `"key"` then `:` of an object member. */
  key(): boolean {
    if (this.s[this.i] !== '"' || !this.string()) return false;
    this.whitespace();
    if (this.s[this.i] !== ':') return false;
    this.i++;
    return true;
  }

  private string(): boolean {
    const s = this.s;
    let i = this.i + 1;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return true;
      }
      if (c < 0x20) break;
      if (c === 0x5c) {
        i++;
        if (s[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
              this.i = i + 1;
              return false;
            }
            i++;
          }
        } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) {
          break;
        }
      }
      i++;
    }
    this.i = i;
    return false;
  }

  private digits(): boolean {
    const start = this.i;
    while (this.s[this.i] >= '0' && this.s[this.i] <= '9') this.i++;
    return this.i > start;
  }

  private number(): boolean {
    const s = this.s;
    if (s[this.i] === '-') this.i++;
    if (s[this.i] === '0') this.i++;
    else if (!this.digits()) return false;
    if (s[this.i] === '.') {
      this.i++;
      if (!this.digits()) return false;
    }
    if (s[this.i] === 'e' || s[this.i] === 'E') {
      this.i++;
      if (s[this.i] === '+' || s[this.i] === '-') this.i++;
      if (!this.digits()) return false;
    }
    return true;
  }

  private word(word: string): boolean {
    for (let k = 0; k < word.length; k++, this.i++) if (this.s[this.i] !== word[k]) return false;
    return true;
  }
}

/**
 * The 0-based character offset at which `text` stops being valid JSON (RFC 8259), which is
 * `text.length` when it ends too early; -1 when the whole text is valid.
 */
export function jsonErrorOffset(text: string): number {
  const scan = new Scanner(text);
  /** Closing characters of the open containers, innermost last. */
  const open: string[] = [];
  for (;;) {
    // A value is expected here.
    scan.whitespace();
    const c = text[scan.i];
    if (c === '{' || c === '[') {
      scan.i++;
      scan.whitespace();
      const close = c === '{' ? '}' : ']';
      if (text[scan.i] === close) {
        scan.i++;
      } else {
        open.push(close);
        if (close === '}' && !scan.key()) return scan.i;
        continue;
      }
    } else if (!scan.scalar()) {
      return scan.i;
    }
    // A value ended: close containers until a comma asks for the next value.
    for (;;) {
      scan.whitespace();
      if (open.length === 0) return scan.i < text.length ? scan.i : -1;
      const close = open[open.length - 1];
      const d = text[scan.i];
      if (d === close) {
        scan.i++;
        open.pop();
      } else if (d === ',') {
        scan.i++;
        if (close === '}') {
          scan.whitespace();
          if (!scan.key()) return scan.i;
        }
        break;
      } else {
        return scan.i;
      }
    }
  }
}
