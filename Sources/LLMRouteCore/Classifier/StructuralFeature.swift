/// Named, non-hashed features describing a prompt's shape. Counts are encoded as thresholds
/// ("at least N") so a linear model can learn a monotone, non-linear effect of size, and so each
/// one reads as a sentence in `classify --explain`.
/// The raw value is the feature's row in the weights: append new cases at the end only, and bump
/// `ClassifierModelLayout.formatVersion` when the list changes.
enum StructuralFeature: Int, CaseIterable, Sendable {
    case empty
    case length40, length100, length250, length600, length1500, length4000, length12000
    case lines3, lines10, lines40
    case codeFence, codeLines1, codeLines3, codeLines10, codeLines30
    case listItems1, listItems3, listItems6
    case constraints1, constraints2, constraints4, constraints7
    case questionMark, questionMarks2, questionMarks4, questionForm
    case numbers1, numbers3, numbers8
    case mathSymbols1, mathSymbols4, mathSymbols12, latex
    case pastedHalf, pastedMost
    case url, binaryLooking, sampled
    case longWords, veryLongWords
    case scriptCyrillic, scriptGreek, scriptArabicHebrew, scriptIndic, scriptCJK, scriptHangul, scriptThai, scriptOther
    case mixedScripts

    /// The name shown in `classify --explain`.
    var name: String {
        switch self {
        case .empty: "empty"
        case .length40: "length:>=40"
        case .length100: "length:>=100"
        case .length250: "length:>=250"
        case .length600: "length:>=600"
        case .length1500: "length:>=1500"
        case .length4000: "length:>=4000"
        case .length12000: "length:>=12000"
        case .lines3: "lines:>=3"
        case .lines10: "lines:>=10"
        case .lines40: "lines:>=40"
        case .codeFence: "code_fence"
        case .codeLines1: "code_lines:>=1"
        case .codeLines3: "code_lines:>=3"
        case .codeLines10: "code_lines:>=10"
        case .codeLines30: "code_lines:>=30"
        case .listItems1: "list_items:>=1"
        case .listItems3: "list_items:>=3"
        case .listItems6: "list_items:>=6"
        case .constraints1: "constraints:>=1"
        case .constraints2: "constraints:>=2"
        case .constraints4: "constraints:>=4"
        case .constraints7: "constraints:>=7"
        case .questionMark: "question_mark"
        case .questionMarks2: "question_marks:>=2"
        case .questionMarks4: "question_marks:>=4"
        case .questionForm: "question_form"
        case .numbers1: "numbers:>=1"
        case .numbers3: "numbers:>=3"
        case .numbers8: "numbers:>=8"
        case .mathSymbols1: "math_symbols:>=1"
        case .mathSymbols4: "math_symbols:>=4"
        case .mathSymbols12: "math_symbols:>=12"
        case .latex: "latex"
        case .pastedHalf: "pasted_text:>=50%"
        case .pastedMost: "pasted_text:>=80%"
        case .url: "url"
        case .binaryLooking: "binary_looking"
        case .sampled: "sampled"
        case .longWords: "avg_word_length:>=6"
        case .veryLongWords: "avg_word_length:>=8"
        case .scriptCyrillic: "script:cyrillic"
        case .scriptGreek: "script:greek"
        case .scriptArabicHebrew: "script:arabic_hebrew"
        case .scriptIndic: "script:indic"
        case .scriptCJK: "script:cjk"
        case .scriptHangul: "script:hangul"
        case .scriptThai: "script:thai"
        case .scriptOther: "script:other"
        case .mixedScripts: "mixed_scripts"
        }
    }
}
