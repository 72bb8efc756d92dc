//! Portuguese.

use super::Words;
use super::speech::{Script, Speech};

/// How Portuguese news attributes speech: “…”, disse X; X afirmou: “…”;
/// segundo X, de acordo com X; “…”, acrescentou.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "pt",
    script: Script::Cased,
    verbs: Words::new(&[
        "sublinhava", "explicava", "dizia", "contava", "lamentava", "afirmava", "reclamou", "reclama", "protestou", "protesta", "desabafou", "desabafa", "ironizou", "prometeu", "promete", "detalhou", "detalha", "esclareceu", "esclarece", "adiantou", "adianta", "referiu", "refere", "vincou", "vinca", "lembrou", "lembra", "assinalou", "assinala", 
        "disse", "diz", "dizia", "dito", "disseram", "dizem", "afirmou", "afirma", "afirmava", "afirmaram",
        "declarou", "declara", "declararam", "acrescentou", "acrescenta", "explicou", "explica", "explicaram",
        "destacou", "destaca", "ressaltou", "ressalta", "salientou", "salienta", "sublinhou", "sublinha",
        "garantiu", "garante", "assegurou", "assegura", "avaliou", "avalia", "observou", "observa", "apontou",
        "aponta", "alertou", "alerta", "advertiu", "adverte", "reconheceu", "reconhece", "admitiu", "admite",
        "respondeu", "responde", "comentou", "comenta", "defendeu", "defende", "criticou", "critica",
        "classificou", "classifica", "chamou", "concluiu", "conclui", "contou", "conta", "relatou", "relata",
        "lamentou", "lamenta", "informou", "informa", "anunciou", "anuncia", "insistiu", "insiste", "frisou",
        "frisa", "reforçou", "reforça", "completou", "completa", "rebateu", "rebate", "escreveu", "escreve",
        "considerou", "considera", "sustentou", "sustenta", "pontuou", "argumentou", "argumenta",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["tem", "têm", "tinha", "havia", "terá"]),
    according: &["segundo", "de acordo com", "conforme", "para", "na opinião de", "nas palavras de"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&["à", "ao", "aos", "às"]),
    pronouns: Words::new(&["ele", "ela", "eles", "elas"]),
    determiners: Words::new(&["o", "a", "os", "as", "um", "uma", "uns", "umas", "seu", "sua", "do", "da", "dos", "das"]),
    indefinites: Words::new(&["um", "uma", "uns", "umas"]),
    titles: Words::new(&[
        "investigador", "investigadora", "politólogo", "politóloga", "fonte", "fontes", "responsável", "comandante", "especialista", "analista", "representante", "moradora", "morador", "sindicalista", 
        "sr.", "sra.", "dr.", "dra.", "senhor", "senhora", "dom", "dona", "presidente", "presidenta", "ministro",
        "ministra", "prefeito", "prefeita", "presidente-executivo", "deputado", "deputada", "senador", "senadora",
        "juiz", "juíza", "procurador", "procuradora", "diretor", "diretora", "porta-voz", "secretário",
        "secretária", "governador", "governadora", "general", "delegado", "delegada", "técnico", "treinador",
        "professor", "professora", "doutor", "doutora", "vereador", "vereadora", "comandante", "presidente-geral",
        "autarca", "chefe", "bastonário", "primeiro-ministro", "primeira-ministra", "desembargador",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "porém", "contudo", "entretanto", "mas", "e", "também", "além", "assim", "agora", "depois", "então",
        "segundo", "para", "por", "com", "em", "de", "desde", "após", "hoje", "ontem", "amanhã", "segunda-feira",
        "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo", "não", "sim", "já",
        "só", "apenas", "mesmo", "enquanto", "quando", "este", "esta", "esse", "essa", "isso", "isto", "aqui",
        "ali", "nós", "eu", "no", "na", "nos", "nas", "ao", "à", "todavia", "ainda", "conforme", "no entanto",
    ]),
    name_particles: Words::new(&["de", "da", "do", "das", "dos", "e", "van", "von"]),
    phrase_ends: Words::new(&[
        "que", "quem", "cujo", "cuja", "onde", "durante", "em", "no", "na", "nos", "nas", "a", "ao", "à", "com",
        "e", "mas", "ontem", "hoje", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
        "sexta-feira", "sábado", "domingo", "para", "por", "pelo", "pela", "sobre", "desde", "após", "também",
        "depois", "antes",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "fonte", "testemunha", "morador", "residente", "habitante", "funcionário", "manifestante",
        "especialistas", "peritos", "analistas", "pessoa", "familiar", "parente", "vizinho", "torcedor", "adepto",
        "fãs", "trabalhador", "operário", "empregado", "passageiro", "participante", "observador", "críticos",
        "investigadores", "agentes", "usuário", "utilizador", "internauta", "cidadã", "vítima", "sobrevivente",
        "socorrista", "estudante", "aluno", "eleitor", "fiéis", "ativista", "militante", "espectador",
        "consumidor", "interlocutor",
    ],
    bodies: &[
        "ministério", "governo", "polícia", "guarda", "tribunal", "justiça", "procuradoria", "prefeitura",
        "câmara", "município", "conselho", "assembleia", "congresso", "parlamento", "presidência", "secretaria",
        "departamento", "autoridade", "administração", "empresa", "companhia", "sociedade", "firma", "grupo",
        "sindicato", "partido", "campanha", "agência", "gabinete", "escritório", "serviço", "exército", "forças",
        "embaixada", "consulado", "clube", "federação", "comissão", "comitê", "comité", "bombeiros", "corpo",
        "meteorolog", "hospital", "universidade", "jornal", "diário", "emissora", "televisão", "rádio", "canal",
        "instituto", "associação", "organização", "fundação", "banco", "coligação", "aliança", "movimento",
        "coletivo",
    ],
};
