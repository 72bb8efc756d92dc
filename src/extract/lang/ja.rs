//! Japanese.

use super::Words;
use super::speech::{Script, Speech};

/// How Japanese news attributes speech: X氏は「…」と述べた; 「…」とX首相は語った;
/// Xによると; honorifics and titles after the name (氏, さん, 首相, 知事).
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "ja",
    script: Script::Particles,
    verbs: Words::new(&[
        "述べ", "語っ", "語り", "語る", "話し", "話す", "強調し", "強調す", "説明し", "説明す", "明らかにし",
        "指摘し", "指摘す", "発言し", "答え", "訴え", "主張し", "主張す", "明かし", "コメントし", "表明し",
        "批判し", "呼びかけ", "強調", "述懐し", "陳謝し", "謝罪し", "反論し", "言及し", "力を込め", "胸を張っ",
        "話した", "続け", "付け加え", "締めくくっ", "打ち明け", "表現し", "評価し", "懸念を示し", "意欲を示し",
        "考えを示し", "見方を示し", "述べる", "言う", "言っ", "いう", "語った", "報告し", "発表し", "警告し",
        "要望し", "求め", "話している", "語気を強め", "振り返っ", "説明している", "釈明し", "反発し",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&[]),
    according: &[],
    according_after: &["によると", "によれば", "の話では"],
    after_quote: Words::new(&[]),
    pronouns: Words::new(&["彼", "彼女", "同氏", "本人"]),
    determiners: Words::new(&[]),
    indefinites: Words::new(&[]),
    titles: Words::new(&[
        "氏", "さん", "首相", "大統領", "総統", "長官", "知事", "大臣", "相", "議員", "社長", "会長", "委員長",
        "市長", "町長", "村長", "区長", "代表", "教授", "准教授", "監督", "選手", "容疑者", "被告", "弁護士",
        "裁判長", "所長", "部長", "課長", "局長", "報道官", "幹事長", "官房長官", "議長", "理事長", "総裁", "院長",
        "署長", "本部長", "執行委員長", "書記長", "事務局長", "担当者", "副社長", "専務", "常務", "主任",
        "研究員", "医師", "記者", "アナリスト", "担当", "頭取", "学長", "校長", "館長", "船長", "会頭", "組合長",
        "さま", "様", "君", "ちゃん", "主任研究員", "上席研究員", "責任者", "最高経営責任者", "最高財務責任者",
    ]),
    role_endings: &["担当者", "関係者", "アナリスト", "幹部", "職員", "住民", "社員", "関係筋", "筋"],
    not_names: Words::new(&[]),
    name_particles: Words::new(&[]),
    phrase_ends: Words::new(&[]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &["は", "が", "も"],
    quote_links: &["とし", "と", "って", "との"],
    title_first: false,
    breaks: &[],
};
