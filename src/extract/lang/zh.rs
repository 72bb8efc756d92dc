//! Chinese.

use super::Words;
use super::speech::{Script, Speech};

/// How Chinese news attributes speech: X表示：“…”; “…”X说; 据X称; titles
/// before the name (总统特朗普), polite forms after it (李明先生).
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "zh",
    script: Script::Particles,
    verbs: Words::new(&[
        "表示", "说道", "说", "称", "指出", "强调", "透露", "介绍", "回应", "认为", "坦言", "补充说", "补充道",
        "补充", "写道", "告诉", "宣布", "承认", "警告", "解释说", "解释", "直言", "呼吁", "提到", "谈到", "表态",
        "声称", "宣称", "感慨", "感叹", "说明", "评价", "批评", "质疑", "称赞", "回忆", "总结", "笑称",
        "坦承", "重申", "提醒", "建议", "告诉记者", "对记者说", "对记者表示", "接受采访时表示",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&[]),
    according: &["据", "根据", "援引"],
    according_after: &[],
    after_quote: Words::new(&[]),
    pronouns: Words::new(&["他", "她", "他们", "她们", "该人士", "对方"]),
    determiners: Words::new(&[]),
    indefinites: Words::new(&["一位", "一名"]),
    titles: Words::new(&[
        "总统", "总理", "首相", "主席", "副主席", "部长", "副部长", "外长", "发言人", "市长", "副市长", "省长",
        "县长", "局长", "处长", "主任", "书记", "董事长", "总裁", "总经理", "经理", "首席执行官", "院长", "校长",
        "教授", "副教授", "研究员", "专家", "分析师", "律师", "法官", "检察官", "队长", "主教练", "教练", "球员",
        "负责人", "工作人员", "代表", "委员", "议员", "大使", "将军", "司令", "警官", "所长", "会长", "秘书长",
        "先生", "女士", "博士", "医生", "记者", "创始人", "村民", "居民", "市民", "网友",
    ]),
    role_endings: &["工作人员", "相关负责人", "负责人", "分析师", "人士", "居民", "市民", "网友"],
    not_names: Words::new(&[]),
    name_particles: Words::new(&[]),
    phrase_ends: Words::new(&[]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: true,
    breaks: &[
        "不过", "但", "而", "对此", "然而", "此外", "另外",
        "在", "于", "对", "向", "也", "还", "则", "又", "曾", "已", "将", "今天", "昨天", "日前", "近日", "随后",
        "当天", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "接受", "通过", "就", "和", "与", "同时",
        "更", "都", "再次", "此前", "表示", "说",
    ],
};
