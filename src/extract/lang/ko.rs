//! Korean.

use super::Words;
use super::speech::{Script, Speech};

/// How Korean news attributes speech: X 대통령은 "…"라고 말했다; "…"고 X 씨는
/// 밝혔다; X에 따르면; titles after the name (씨, 대통령, 장관).
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "ko",
    script: Script::Particles,
    verbs: Words::new(&[
        "말했다", "밝혔다", "강조했다", "설명했다", "덧붙였다", "전했다", "주장했다", "지적했다", "말했습니다",
        "언급했다", "답했다", "물었다", "경고했다", "비판했다", "촉구했다", "말한다", "발표했다", "했다",
        "밝혔습니다", "강조했습니다", "설명했습니다", "토로했다", "호소했다", "당부했다", "우려했다",
        "반박했다", "털어놨다", "털어놓았다", "평가했다", "분석했다", "내다봤다", "전망했다", "규정했다",
        "말하며", "밝히며", "강조하며", "말했고", "밝혔고", "목소리를 높였다", "입장을 밝혔다", "말을 아꼈다",
        "덧붙였습니다", "전했습니다", "했습니다", "말하기도 했다", "설명하기도 했다",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&[]),
    according: &[],
    according_after: &["에 따르면", "측에 따르면"],
    after_quote: Words::new(&[]),
    pronouns: Words::new(&["그", "그녀", "그들"]),
    determiners: Words::new(&[]),
    indefinites: Words::new(&["한"]),
    titles: Words::new(&[
        "씨", "대통령", "총리", "장관", "차관", "의원", "대변인", "위원장", "시장", "도지사", "지사", "군수", "구청장",
        "대표", "회장", "사장", "부사장", "교수", "감독", "선수", "판사", "검사", "변호사", "청장", "국장", "과장",
        "팀장", "원장", "총장", "소장", "의장", "당선인", "후보", "관계자", "연구원", "애널리스트", "위원", "실장",
        "본부장", "처장", "주임", "박사", "기자", "이사장", "대사", "부장", "센터장", "단장", "조합장",
    ]),
    role_endings: &["관계자", "측 대변인", "측", "직원", "주민", "시민", "소식통"],
    not_names: Words::new(&[]),
    name_particles: Words::new(&[]),
    phrase_ends: Words::new(&[]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &["은", "는", "이", "가", "도"],
    quote_links: &["이라고", "라고", "라며", "이라며", "면서", "며", "고"],
    title_first: false,
    breaks: &[],
};
