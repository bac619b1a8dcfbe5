"""The fixed corpus behind the golden vectors: one entry per case, (name, text) for strings and
(name, bytes) for raw input that is not valid UTF-8. Each case aims at a part of the split
patterns or the merge loop; make_golden.py runs tiktoken over all of them."""

PROSE = (
    "The quick brown fox jumps over the lazy dog. It wasn't the fox's first time, and it won't "
    "be the last: foxes are, by all accounts, creatures of habit. \"Why?\" asked the dog. The "
    "fox didn't answer; it simply trotted off into the evening, leaving only paw-prints "
    "(and a faint smell of mischief) behind.\n\nChapter 2 — In which nothing happens.\n"
)

SWIFT = '''import Foundation

/// Counts words in a string.
func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: { $0.isWhitespace }).count
}

struct Point: Hashable { var x = 0.0, y = 0.0 }
let points = [Point(x: 1, y: 2), Point(x: -3.5, y: 4e10)]
print(points.map { "\\($0.x),\\($0.y)" }.joined(separator: ";"))
'''

PYTHON = '''def fib(n: int) -> list[int]:
    """Return the first n Fibonacci numbers."""
    a, b = 0, 1
    out = []
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out

if __name__ == "__main__":
    print(fib(10))  # [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
'''

RUST = '''use std::collections::HashMap;

fn main() {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in "a b a c b a".split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    println!("{:?}", counts);
}
'''

JAVASCRIPT = '''const fetchJson = async (url) => {
  const res = await fetch(url, { headers: { "Accept": "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};
export default fetchJson; // arrow fn, template literal, === and !==
'''

C_CODE = '''#include <stdio.h>
int main(int argc, char **argv) {
\tfor (int i = 0; i < argc; ++i) {
\t\tprintf("%d: %s\\n", i, argv[i]);
\t}
\treturn 0;
}
'''

SQL = "SELECT u.id, COUNT(*) AS n\nFROM users u JOIN orders o ON o.user_id = u.id\nWHERE o.total >= 100.50\nGROUP BY u.id HAVING n > 3 ORDER BY n DESC;\n"

JSON = '''{"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "You are terse."},
 {"role": "user", "content": "2+2?"}], "temperature": 0.2, "max_tokens": 16, "stream": false,
 "metadata": {"tags": ["a", "b"], "nested": {"x": null, "y": [1, 2.5, -3e-7]}}}'''

MARKDOWN = '''# Release notes

| Model        | Context | $ / 1M in | $ / 1M out |
|--------------|--------:|----------:|-----------:|
| gpt-4o-mini  | 128,000 |     0.15  |      0.60  |
| claude-haiku | 200,000 |     0.80  |      4.00  |

* **Bold**, _italic_, `code`, [link](https://example.com/path?q=1&r=2#frag)
> quoted line
1. first
2. second
'''

CHINESE = "机器学习是人工智能的一个分支。它使计算机能够在没有明确编程的情况下从数据中学习，并做出预测。"
JAPANESE = "東京は日本の首都です。ひらがな、カタカナ、そして漢字が混ざった文章：「こんにちは、世界！」"
KOREAN = "안녕하세요. 오늘 날씨가 정말 좋네요! 한국어 토크나이저 테스트입니다."
ARABIC = "اللغة العربية جميلة جداً. مرحباً بالعالم! هذا اختبار للترميز، مع أرقام ١٢٣٤٥ وعلامات."
HEBREW = "שלום עולם! זהו מבחן עם ניקוד: שָׁלוֹם."
HINDI = "हिन्दी भारत की राजभाषा है। नमस्ते दुनिया! क्या आप ठीक हैं? संख्याएँ: १२३४५"
THAI = "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ สวัสดีครับ"
RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей чаю. ПРИВЕТ, Мир!"
GREEK = "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. ΑΒΓΔ αβγδ ς"
EMOJI = "Family: 👨‍👩‍👧‍👦, flags: 🇫🇷🇯🇵, skin tones: 👍🏽👋🏿, keycap: 1️⃣, heart: ❤️‍🔥, 🏳️‍🌈 done."

CASES = [
    ("empty", ""),
    ("single_space", " "),
    ("single_newline", "\n"),
    ("single_letter", "a"),
    ("english_prose", PROSE),
    ("english_prose_x4", PROSE * 4),
    ("swift_code", SWIFT),
    ("python_code", PYTHON),
    ("rust_code", RUST),
    ("javascript_code", JAVASCRIPT),
    ("c_code_tabs", C_CODE),
    ("sql", SQL),
    ("json", JSON),
    ("markdown_table", MARKDOWN),
    ("chinese", CHINESE),
    ("japanese", JAPANESE),
    ("korean", KOREAN),
    ("arabic", ARABIC),
    ("hebrew_niqqud", HEBREW),
    ("hindi", HINDI),
    ("thai", THAI),
    ("russian", RUSSIAN),
    ("greek", GREEK),
    ("emoji_zwj", EMOJI),
    ("emoji_only", "😀😃😄😁😆😅🤣😂🙂🙃" * 3),
    ("digits_long", "1234567890" * 12),
    ("digits_grouped", "3.14159 2,718,281 1e-9 0x1F 007 ¹²³ ½ Ⅻ ① ٣"),
    ("spaces_run", "a" + " " * 17 + "b"),
    ("spaces_trailing", "end with spaces   "),
    ("spaces_leading", "    four leading"),
    ("tabs_and_spaces", "\t\t x \t y\t\t\n\t z"),
    ("newlines_run", "para one\n\n\n\npara two\n"),
    ("newlines_with_indent", "line\n    indented\n\t\ttabbed\n  \n  \nend"),
    ("crlf", "Windows line\r\nendings\r\n\r\nhere\r\n"),
    ("cr_only", "old\rmac\r\rstyle"),
    ("whitespace_then_punct", "x  !!  ??\n\n  ...\n"),
    ("contractions_lower", "I'm sure you'll see they've said it's what we'd do, isn't it?"),
    ("contractions_odd_case", "HE'S HERE. THEY'LL GO. WE'VE 'S 'LL 'Ve 'rE 'D 'M 'T JOHN'S"),
    ("contractions_bare", "'s 't 're 've 'm 'll 'd ' s 'x"),
    ("apostrophe_variants", "don’t don't don`t o'clock rock'n'roll ''quoted''"),
    ("long_word", "Pneumonoultramicroscopicsilicovolcanoconiosis " * 3),
    ("very_long_word", "Antidisestablishmentarianism" * 12),
    ("repeated_letter", "a" * 300),
    ("repeated_pair", "ab" * 250),
    ("base64_blob", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" * 3),
    ("url_and_path", "https://example.com/a/b/c?x=1 and /usr/local/bin//swift and C:\\Windows\\System32"),
    ("slashes_newlines", "a/\n/b//\r\n///c"),
    ("nbsp_ideographic", "non\u00a0breaking\u00a0space and\u3000ideographic\u3000space\u3000\u3000x"),
    ("unicode_spaces", "en\u2002em\u2003thin\u2009hair\u200a nnbsp\u202f mmsp\u205f ls\u2028ps\u2029 nel\u0085 ogham\u1680!"),
    ("zero_width", "zero\u200bwidth\u200cjoiner\u200dhere\ufeffbom"),
    ("bom_first_and_after_escape", "\ufeffstarts with a BOM\n\ufeffand one after an escape"),
    ("combining_marks", "e\u0301 a\u0308 n\u0303 Z\u0335\u0321a\u0337l\u0336g\u0334o\u0338 \u0301start"),
    ("decomposed_vs_composed", "caf\u00e9 vs cafe\u0301, \u00c5ngstr\u00f6m vs A\u030angstro\u0308m"),
    ("marks_after_punct", "!\u0301 ?\u0308x .\u20dd (\u0300)"),
    ("titlecase_modifier", "\u01c5ungla \u01c8ubljana \u02b0aspirated \u02c6hat \u3005々"),
    ("upper_then_lower", "HTTPServer XMLHttpRequest iPhone McDonald's ALLCAPS's"),
    ("greek_final_sigma", "ΟΔΥΣΣΕΥΣ ὀδυσσεύς"),
    ("long_s_contraction", "it'\u017f fine, IT'\u017f FINE, x'\u017f"),
    ("kelvin_angstrom", "300\u212a is \u212bngstr\u00f6m"),
    ("special_token_text", "<|endoftext|> <|fim_prefix|><|fim_middle|><|fim_suffix|> <|endofprompt|>"),
    ("mixed_scripts", "Hello, 世界! Привет, мир! مرحبا 🌍 123abc ABC123 a1b2c3"),
    ("math_symbols", "∀x∈ℝ: x² ≥ 0 ⇒ √(x²) = |x|; ∑ᵢ aᵢ ≤ ∞ ± ε"),
    ("control_chars", "bell\x07 vt\x0b ff\x0c esc\x1b[0m del\x7f nul\x00end"),
    ("private_use_unassigned", "\ue000\uf8ff \U000f0000 \u0378\u0379 \U0001e6c0 \U000323b0"),
    ("new_in_unicode_16", "\U00010d50\U00010d70 \u1c89\u1c8a \U0001ccf0"),
    ("supplementary_letters", "\U00020000\U0002a6d6 \U0001d400\U0001d41a \U00010400\U00010428"),
    ("html", '<div class="x" data-id=\'42\'>&amp; &lt;b&gt; <br/></div>\n<!-- comment -->'),
    ("diff_patch", "@@ -1,3 +1,4 @@\n-old line\n+new line\n+added\n context\n"),
    ("log_lines", "2026-11-27T00:31:05.123Z INFO  [main] started pid=4242 mem=12.5MiB\n"
                  "2026-11-27T00:31:05.456Z ERROR [http] GET /v1/chat 502 (1.2s)\n"),
]

# Raw inputs that are not valid UTF-8: tiktoken sees bytes.decode("utf-8", "replace").
BYTE_CASES = [
    ("lone_continuation", b"a\x80b"),
    ("truncated_2byte", b"ab\xc3"),
    ("truncated_3byte", b"x\xe2\x82 y"),
    ("truncated_4byte", b"\xf0\x9f\x98 z"),
    ("overlong_slash", b"\xc0\xaf/"),
    ("overlong_3byte", b"\xe0\x80\xaf"),
    ("surrogate_encoded", b"\xed\xa0\x80\xed\xbf\xbf"),
    ("beyond_max", b"\xf4\x90\x80\x80 \xf5\x80\x80\x80"),
    ("invalid_lead_bytes", b"\xfe\xff\xc1\xf8\x88\x80\x80\x80"),
    ("mixed_valid_invalid", "héllo ".encode() + b"\xff\xfe" + "wörld 😀".encode() + b"\xf0\x9f"),
    ("e0_a0_boundary", b"\xe0\xa0\x80\xe0\x9f\xbf"),
    ("f0_90_boundary", b"\xf0\x90\x80\x80\xf0\x8f\xbf\xbf"),
    ("f4_8f_boundary", b"\xf4\x8f\xbf\xbf\xf4\x90"),
    ("ed_9f_boundary", b"\xed\x9f\xbf\xed\xa0"),
    ("continuations_run", b"\x80\x81\x82\x83\xbf"),
    ("lead_then_ascii", b"\xc3A\xe2\x82A\xf0\x9f\x98A"),
]
