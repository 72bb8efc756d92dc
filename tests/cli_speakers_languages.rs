//! Speakers attributed in languages other than English, each by the
//! constructions its press uses, through the real binary on a real
//! archive; and the multilingual gold as a regression gate.

mod common;
use common::{Workdir, parse_csv};
use std::collections::HashMap;

/// (file, language, article body, [(words of the quotation, speaker)]).
type Case = (&'static str, &'static str, &'static str, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "ru-inset.txt",
        "ru",
        "Суд над директором\n\n\
         «Мы будем добиваться справедливости, — сказала адвокат Марина Кирш. — Решение незаконно».\n\n\
         «Увольнение признано незаконным», — говорится в решении суда.\n",
        &[
            ("Мы будем добиваться справедливости", "Марина Кирш"),
            ("Решение незаконно", "Марина Кирш"),
            ("Увольнение признано незаконным", "решении суда"),
        ],
    ),
    (
        "pl-inset.txt",
        "pl",
        "Wyciek amoniaku\n\n\
         „Sytuacja jest opanowana – mówi kpt. Paweł Szczygieł. – Mieszkańcy mogą wrócić do domów”.\n",
        &[("Sytuacja jest opanowana", "Paweł Szczygieł"), ("Mieszkańcy mogą wrócić do domów", "Paweł Szczygieł")],
    ),
    (
        "fr-afp.txt",
        "fr",
        "Pollution de la Lirette\n\n\
         La procureure de la République, Sophie Hautecœur, a requis une amende.\n\n\
         « C'est un signal fort », a déclaré jeudi à l'AFP la procureure.\n\n\
         « La société ne pouvait ignorer la vétusté de ses installations », peut-on lire dans le jugement.\n",
        &[
            ("C'est un signal fort", "Sophie Hautecœur"),
            ("La société ne pouvait ignorer la vétusté de ses installations", "jugement"),
        ],
    ),
    (
        "de-mitteilung.txt",
        "de",
        "Urteil gegen Stadtwerke-Chef\n\n\
         „Der Angeklagte hat seine Stellung ausgenutzt“, heißt es in einer Mitteilung des Landgerichts.\n\n\
         Die Vorsitzende Richterin Ulrike Brandes wandte sich direkt an den Angeklagten: „Sie haben das Vertrauen missbraucht.“\n",
        &[
            ("Der Angeklagte hat seine Stellung ausgenutzt", "Mitteilung des Landgerichts"),
            ("Sie haben das Vertrauen missbraucht.", "Ulrike Brandes"),
        ],
    ),
    (
        "de-issuer.txt",
        "de",
        "Urteil\n\n\
         Das Landgericht Kreuzhagen verurteilte den früheren Geschäftsführer zu drei Jahren Haft.\n\n\
         „Der Angeklagte hat das Vertrauen der Bürger missbraucht“, heißt es in einer Mitteilung des Landgerichts.\n",
        &[("Der Angeklagte hat das Vertrauen der Bürger missbraucht", "Landgericht Kreuzhagen")],
    ),
    (
        "tr-issuer.txt",
        "tr",
        "Su zammı\n\n\
         Belediyeden yapılan yazılı açıklamada ise “Kayıp kaçak oranı azaltıldı” denildi.\n",
        &[("Kayıp kaçak oranı azaltıldı", "Belediye")],
    ),
    (
        "ar-role.txt",
        "ar",
        "إضراب الميناء\n\n\
         وقال رئيس النقابة العامة لعمال الموانئ مصطفى الحمدوني، أمام العمال: «لن نعود إلى الأرصفة قبل صرف الرواتب كاملة».\n\n\
         وقالت وزيرة التربية والتعليم هالة الزعبي: «بابنا مفتوح دائما».\n",
        &[("لن نعود إلى الأرصفة قبل صرف الرواتب كاملة", "مصطفى الحمدوني"), ("بابنا مفتوح دائما", "هالة الزعبي")],
    ),
    (
        "ar-unnamed.txt",
        "ar",
        "الميناء\n\n\
         وأكد وزير المالية عماد الدين السويدي أن الخزينة فارغة.\n\n\
         وبحسب مسؤول في إدارة الميناء طلب عدم الكشف عن اسمه، فإن «خسائر الشركات المستوردة بدأت تتضاعف».\n\n\
         \"العدالة تأخرت لكنها جاءت\"، قالت الدويري بصوت مخنوق.\n",
        &[("خسائر الشركات المستوردة بدأت تتضاعف", "مسؤول في إدارة الميناء"), ("العدالة تأخرت لكنها جاءت", "الدويري")],
    ),
    (
        "pl-possessive.txt",
        "pl",
        "Wyrok\n\n\
         Pełnomocnik dewelopera, mecenas Robert Gajewski, zapowiedział apelację. Jego zdaniem wyrok jest „krzywdzący i oderwany od rzeczywistości”.\n",
        &[("krzywdzący i oderwany od rzeczywistości", "Robert Gajewski")],
    ),
    (
        "ru-possessive.txt",
        "ru",
        "Трансфер\n\n\
         Главный тренер Сергей Аникеев доволен. «Это именно тот игрок, которого команде не хватало», — по его словам, переговоры шли месяц.\n",
        &[("Это именно тот игрок, которого команде не хватало", "Сергей Аникеев")],
    ),
    (
        "pl-body-role.txt",
        "pl",
        "Strajk\n\n\
         Rodzice są podzieleni. Rzecznik rady rodziców Szkoły Podstawowej nr 3 powiedział: „Popieramy nauczycieli, ale dzieci nie mogą być zakładnikami tego sporu”.\n",
        &[(
            "Popieramy nauczycieli, ale dzieci nie mogą być zakładnikami tego sporu",
            "Rzecznik rady rodziców Szkoły Podstawowej nr 3",
        )],
    ),
    (
        "id-honorific.txt",
        "id",
        "Relokasi pasar\n\n\
         Bupati Sindangrejo Heru Prasetyadi meninjau Terminal Wates pekan lalu.\n\n\
         Bu Sumiati, yang berjualan sayur sejak 1994, menilai lokasi baru terlalu jauh. “Ke terminal itu harus naik angkot dua kali,” ucapnya.\n",
        &[("Ke terminal itu harus naik angkot dua kali,", "Sumiati")],
    ),
    (
        "ru-sentence-source.txt",
        "ru",
        "Авария\n\n\
         Прокурор города Елена Савицкая взяла ситуацию на личный контроль. По её словам, к четвергу прокуратура ждёт от мэрии «полный список домов, где температура опустилась ниже нормы».\n\n\
         Как рассказал источник в мэрии, вопрос о смене руководства «обсуждается всерьёз».\n",
        &[
            ("полный список домов, где температура опустилась ниже нормы", "Елена Савицкая"),
            ("обсуждается всерьёз", "источник в мэрии"),
        ],
    ),
    (
        "nl-particles.txt",
        "nl",
        "Brand\n\n\
         'Die geven geen reden tot zorg', zegt een woordvoerder van de veiligheidsregio.\n\n\
         Directeur-eigenaar Bart van den Heuvel stond zondagochtend bij de resten van de hal. 'Mijn opa is hier in 1962 begonnen', vertelt hij.\n\n\
         'We bouwen het opnieuw op', zegt fractievoorzitter Ruud Klaassen van Lokaal Marlewijk.\n",
        &[("Mijn opa is hier in 1962 begonnen", "Bart van den Heuvel"), ("We bouwen het opnieuw op", "Ruud Klaassen")],
    ),
    (
        "nl-next-sentence.txt",
        "nl",
        "Kanaalbrug\n\n\
         „Die brug had tien jaar geleden al aangepakt moeten worden.” Dat zegt fractievoorzitter Ruud Klaassen.\n\n\
         Andere buurtbewoners zijn vooral opgelucht: „Het werd hoog tijd.”\n\n\
         „De veiligheid kan niet worden gegarandeerd”, concludeerde het bureau in een rapport.\n",
        &[
            ("Die brug had tien jaar geleden al aangepakt moeten worden.", "Ruud Klaassen"),
            ("Het werd hoog tijd.", "Andere buurtbewoners"),
            ("De veiligheid kan niet worden gegarandeerd", "bureau"),
        ],
    ),
    (
        "ko-clause.txt",
        "ko",
        "예산\n\n\
         한정민 시장은 표결 직후 긴급 기자회견을 열었다.\n\n\
         \"가능한 모든 수단을 검토하겠다.\" 시장은 이렇게 밝힌 뒤 \"다만 의회와 대화하는 창구까지 닫지는 않겠다\"고 덧붙였다.\n",
        &[("다만 의회와 대화하는 창구까지 닫지는 않겠다", "한정민")],
    ),
    (
        "zh-untitled.txt",
        "zh",
        "暴雨\n\n\
         江川市市长何志远13日上午在防汛工作会议上表示：“各部门要把群众安全放在第一位。”\n\n\
         在受灾较重的城南区，居民刘桂芳正在清理被泡坏的家具。“水一下子就涨到了膝盖，”她说。\n\n\
         听到宣判结果时，拄着拐杖的罗建军在法庭外红了眼眶。“今天总算有个说法了。”他告诉记者。\n",
        &[("水一下子就涨到了膝盖，", "刘桂芳"), ("今天总算有个说法了。", "罗建军")],
    ),
    (
        "it-apposition.txt",
        "it",
        "Crollo della palestra\n\n\
         L'imputato Franco Sartorello non ha parlato.\n\n\
         «Leggeremo le motivazioni», ha dichiarato all'ANSA l'avvocato Marco Delfini, che difende Sartorello.\n\n\
         “Vogliamo sapere dove sono finiti i soldi”, gridavano alcuni ultras.\n",
        &[("Leggeremo le motivazioni", "Marco Delfini"), ("Vogliamo sapere dove sono finiti i soldi", "alcuni ultras")],
    ),
    (
        "de-age.txt",
        "de",
        "Stellenabbau\n\n\
         Unter ihnen war Dieter Kallweit, seit 31 Jahren Schlosser in der Montage. »Mein Vater hat schon hier gearbeitet«, erzählte der 56-Jährige.\n",
        &[("Mein Vater hat schon hier gearbeitet", "Dieter Kallweit")],
    ),
    (
        "tr-verb-final.txt",
        "tr",
        "Kazı\n\n\
         Höyükteki ilk parçaları bulan 81 yaşındaki Rıza Demirci de toplantıdaydı. Gazetecilerin sorularını yanıtlayan Rıza Bey, “Çocukken bu tepede top oynardık” diyerek kazı ekibine teşekkür etti.\n\n\
         İl Kültür ve Turizm Müdürü Sinan Ergüven de konuştu. Höyüğün yanına merkez kurulacağını müjdeleyen Müdür Ergüven, “Bakanlığımızdan ön onay aldık” açıklamasını yaptı.\n",
        &[("Çocukken bu tepede top oynardık", "Rıza Demirci"), ("Bakanlığımızdan ön onay aldık", "Sinan Ergüven")],
    ),
    (
        "ar-complement.txt",
        "ar",
        "الحكم\n\n\
         في المقابل، وصف محامي الدفاع رامي العطار الحكم بأنه \"قاس ومبني على تقرير خبرة منقوص\"، مؤكدا أن موكله سيستأنفه.\n",
        &[("قاس ومبني على تقرير خبرة منقوص", "رامي العطار")],
    ),
    (
        "pt-shouting.txt",
        "pt",
        "Demissão\n\n\
         Do lado de fora do CT, cerca de 50 torcedores protestaram. “O problema não é o técnico”, gritavam os manifestantes.\n",
        &[("O problema não é o técnico", "manifestantes")],
    ),
    (
        "es-after-verb.txt",
        "es",
        "Cierre\n\n\
         La intendenta Graciela Montenegro visitó la planta.\n\n\
         “Yo entré acá a los 19 años”, se preguntó Raúl Benítez, maquinista de la línea.\n\n\
         “Es un golpe durísimo”, reconoció en declaraciones a Radio Arriaga la intendenta Graciela Montenegro.\n\n\
         De acuerdo con la Comisión Estatal del Agua, las lluvias de este año han sido “las más escasas en cuatro décadas”.\n",
        &[
            ("Yo entré acá a los 19 años", "Raúl Benítez"),
            ("Es un golpe durísimo", "Graciela Montenegro"),
            ("las más escasas en cuatro décadas", "Comisión Estatal del Agua"),
        ],
    ),
    (
        "ru-according-antecedent.txt",
        "ru",
        "Трансфер\n\n\
         Нападающий Артём Кузнецов перешёл в «Звезду».\n\n\
         Главный тренер «Звезды» Сергей Аникеев не скрывал радости. По его словам, Кузнецов — «именно тот игрок, которого команде не хватало».\n\n\
         «Нам говорят потерпеть до четверга», — возмущались собравшиеся.\n",
        &[
            ("именно тот игрок, которого команде не хватало", "Сергей Аникеев"),
            ("Нам говорят потерпеть до четверга", "собравшиеся"),
        ],
    ),
    (
        "id-place.txt",
        "id",
        "Keracunan\n\n\
         Sejumlah orang tua siswa yang ditemui di Puskesmas Sidowaras menilai pihak sekolah “kurang hati-hati” dalam memilih katering.\n",
        &[("kurang hati-hati", "Sejumlah orang tua siswa")],
    ),
    (
        "fr-pour.txt",
        "fr",
        "Pollution\n\n\
         Pour l'avocat de la fromagerie, Me Olivier Ranchin, « le tribunal a cédé à la pression médiatique ».\n",
        &[("le tribunal a cédé à la pression médiatique", "Olivier Ranchin")],
    ),
    (
        "ko-next-sentence.txt",
        "ko",
        "판결\n\n\
         검찰은 채 씨에게 징역 3년을 구형했다.\n\n\
         “아들이 떠난 지 1년 8개월 만에 처음으로 숨을 제대로 쉰 것 같습니다.” 선고 직후 법정 밖에서 만난 임 씨의 어머니 정미숙(56) 씨는 눈시울을 붉히며 이렇게 말했다.\n",
        &[("아들이 떠난 지 1년 8개월 만에 처음으로 숨을 제대로 쉰 것 같습니다.", "정미숙")],
    ),
    (
        "zh-interview.txt",
        "zh",
        "工伤案\n\n\
         该案审判长、青州中院行政审判庭庭长宋立群在宣判后接受了本报记者采访，谈到了合议庭的考量。她说：“认定劳动关系要看实际的管理和控制关系。”\n",
        &[("认定劳动关系要看实际的管理和控制关系。", "宋立群")],
    ),
    (
        "ar-role-chain.txt",
        "ar",
        "الحكم\n\n\
         وقال رئيس هيئة الدفاع عن عائلات الضحايا المحامي حسان القباني، عقب النطق بالحكم: \"هذا حكم تاريخي\".\n",
        &[("هذا حكم تاريخي", "حسان القباني")],
    ),
    (
        "ar-apposition.txt",
        "ar",
        "الميناء\n\n\
         وأكد وزير المالية عماد الدين السويدي أن الخزينة فارغة.\n\n\
         وعلى الرصيف رقم سبعة، جلس سليم بن عمارة، وهو سائق رافعة منذ ثمانية عشر عاما. وقال: «استدنت من البقال ومن أقاربي».\n",
        &[("استدنت من البقال ومن أقاربي", "سليم بن عمارة")],
    ),
    (
        "ar-issued-by.txt",
        "ar",
        "انتخابات\n\n\
         «سنكون مجلسا لكل السكان، لا لمن صوتوا لنا فقط»، بحسب بيان صادر عن القائمة الفائزة مساء الأحد.\n",
        &[("سنكون مجلسا لكل السكان، لا لمن صوتوا لنا فقط", "القائمة الفائزة")],
    ),
    (
        "ko-ministry.txt",
        "ko",
        "판결\n\n\
         원고 측 대리인인 법무법인 새길의 조은비 변호사는 \"중요한 이정표가 될 것\"이라고 평가했다.\n\n\
         고용노동부 관계자는 \"판결문을 면밀히 검토하겠다\"고 말했다.\n\n\
         그는 \"관련 법 개정 논의에도 참고하겠다\"고 덧붙였다.\n",
        &[("관련 법 개정 논의에도 참고하겠다", "고용노동부 관계자")],
    ),
    (
        "zh-clause.txt",
        "zh",
        "新能源\n\n\
         对于市场关注的固态电池项目，董事长陈静称，该项目“进展顺利”，预计明年实现小批量装车。\n",
        &[("进展顺利", "陈静")],
    ),
    (
        "zh-role.txt",
        "zh",
        "骑手工伤案\n\n\
         青州中院行政审判庭庭长宋立群在宣判后接受了本报记者采访。\n\n\
         “骑手的权益不能悬在半空中。”这位庭长说。\n",
        &[("骑手的权益不能悬在半空中。", "宋立群")],
    ),
    (
        "nl-compound.txt",
        "nl",
        "Brand in distributiecentrum\n\n\
         'Het vuur was niet te stoppen', zegt brandweercommandant Wendy Schuurman.\n\n\
         Op een persconferentie zei de commandant zondagmiddag: 'Er is geen ander pand beschadigd.'\n",
        &[
            ("Het vuur was niet te stoppen", "Wendy Schuurman"),
            ("Er is geen ander pand beschadigd.", "Wendy Schuurman"),
        ],
    ),
    (
        "ko-single.txt",
        "ko",
        "예산 삭감\n\n\
         배윤경 의장은 시가 제시한 추정치를 ‘장밋빛 전망’이라고 꼬집었다.\n",
        &[("장밋빛 전망", "배윤경")],
    ),
    (
        "fr.txt",
        "fr",
        "Grève au port\n\n\
         Le maire de Port-Vérac, Gérard Santini, s'inquiète des retombées.\n\n\
         « Nous irons jusqu'au bout », a déclaré Yannick Le Goff devant les grévistes.\n\n\
         « Ce n'est pas une grève contre le progrès », a-t-il ajouté.\n\n\
         « Chaque jour de blocage coûte cher », a insisté le maire.\n\n\
         « Une médiation pourrait être proposée », a indiqué un porte-parole de la préfecture.\n\n\
         Pourtant, selon Claire Dubois, « les discussions avancent lentement ».\n",
        &[
            ("Nous irons jusqu'au bout", "Yannick Le Goff"),
            ("Ce n'est pas une grève contre le progrès", "Yannick Le Goff"),
            ("Chaque jour de blocage coûte cher", "Gérard Santini"),
            ("Une médiation pourrait être proposée", "porte-parole de la préfecture"),
            ("les discussions avancent lentement", "Claire Dubois"),
        ],
    ),
    (
        "de.txt",
        "de",
        "Warnstreik\n\n\
         „Die Beschäftigten arbeiten am Limit“, sagte Bezirksleiterin Sabine Kröger am Bahnhof.\n\n\
         „Wir verhandeln weiter“, so Jonas Keller.\n\n\
         Dennoch sagte Keller: „Ein Angebot fehlt bis heute.“\n",
        &[
            ("Die Beschäftigten arbeiten am Limit", "Sabine Kröger"),
            ("Wir verhandeln weiter", "Jonas Keller"),
            ("Ein Angebot fehlt bis heute.", "Jonas Keller"),
        ],
    ),
    (
        "pl.txt",
        "pl",
        "Strajk\n\n\
         Wójt gminy Jan Kowalski zwołał spotkanie.\n\n\
         Według Jana Kowalskiego odkrycie to „ogromna szansa dla całej okolicy”.\n\n\
         „Nie mamy wyjścia” – powiedziała Agnieszka Wróblewska.\n",
        &[("ogromna szansa dla całej okolicy", "Jan Kowalski"), ("Nie mamy wyjścia", "Agnieszka Wróblewska")],
    ),
    (
        "ru.txt",
        "ru",
        "Забастовка\n\n\
         «Мы не уйдём отсюда», — заявил журналистам председатель профсоюза Виктор Сомов.\n",
        &[("Мы не уйдём отсюда", "Виктор Сомов")],
    ),
    (
        "es.txt",
        "es",
        "Huelga de médicos\n\n\
         «No vamos a ceder», dijo la portavoz del sindicato, Lucía Castaño.\n\n\
         Según el consejero Enrique Molina, «la propuesta es razonable».\n\n\
         «Seguiremos negociando», añadió Molina.\n",
        &[
            ("No vamos a ceder", "Lucía Castaño"),
            ("la propuesta es razonable", "Enrique Molina"),
            ("Seguiremos negociando", "Enrique Molina"),
        ],
    ),
    (
        "it.txt",
        "it",
        "Sciopero al porto\n\n\
         «Il porto resterà chiuso fino a lunedì», ha dichiarato il sindaco Luca Ferraresi.\n\n\
         Secondo Alessandra Ruggeri, «le perdite sono già ingenti».\n",
        &[
            ("Il porto resterà chiuso fino a lunedì", "Luca Ferraresi"),
            ("le perdite sono già ingenti", "Alessandra Ruggeri"),
        ],
    ),
    (
        "pt.txt",
        "pt",
        "Greve dos professores\n\n\
         «Não vamos desistir», disse a presidente do sindicato, Débora Nascimento.\n\n\
         De acordo com o ministro Armando Figueira, «a proposta está em cima da mesa».\n",
        &[("Não vamos desistir", "Débora Nascimento"), ("a proposta está em cima da mesa", "Armando Figueira")],
    ),
    (
        "nl.txt",
        "nl",
        "Staking in de haven\n\n\
         „We gaan door tot het einde”, zei vakbondsleider Kees Verhoef.\n\n\
         „De schade loopt in de miljoenen”, aldus Annelies Brouwer.\n\n\
         Volgens Brouwer is de staking „onverantwoord”.\n",
        &[
            ("We gaan door tot het einde", "Kees Verhoef"),
            ("De schade loopt in de miljoenen", "Annelies Brouwer"),
            ("onverantwoord", "Annelies Brouwer"),
        ],
    ),
    (
        "tr-colon.txt",
        "tr",
        "Yeni teknik direktör\n\n\
         Kulüp, Levent Erdem ile iki yıllık sözleşme imzaladı.\n\n\
         Erdem, eleştirilere ilişkin bir soru üzerine şu yanıtı verdi: “Taraftarın öfkesini anlıyorum.”\n",
        &[("Taraftarın öfkesini anlıyorum.", "Levent Erdem")],
    ),
    (
        "tr.txt",
        "tr",
        "Sel\n\n\
         Vali Ayşe Demir, “Bütün ekipler sahada” dedi.\n\n\
         Demir'e göre “hasar tespiti yarın bitecek”.\n",
        &[("Bütün ekipler sahada", "Ayşe Demir"), ("hasar tespiti yarın bitecek", "Ayşe Demir")],
    ),
    (
        "id.txt",
        "id",
        "Mogok\n\n\
         “Penghasilan kami turun separuh,” kata Koordinator Forum Sopir, Dedi Kurniawan, di sela aksi.\n",
        &[("Penghasilan kami turun separuh,", "Dedi Kurniawan")],
    ),
    (
        "ar.txt",
        "ar",
        "فيضانات\n\n\
         وقال محافظ الإقليم خالد العمري في مؤتمر صحفي: \"الوضع كارثي.\"\n\n\
         \"لن نترك أي عائلة دون مأوى\"، قال المحافظ.\n",
        &[("الوضع كارثي.", "خالد العمري"), ("لن نترك أي عائلة دون مأوى", "خالد العمري")],
    ),
    (
        "ja.txt",
        "ja",
        "鉄道スト\n\n\
         東央鉄道の大西礼子社長は記者会見で「ご迷惑をおかけしている」と述べた。\n\n\
         「組合との対話を続ける」と大西氏は語った。\n\n\
         東都大学の石川真理教授によると、「同様の争議は今後も増える」。\n\n\
         会社員の村上大輔さん（34）は「朝から2時間も待っている」と不満を口にした。\n",
        &[
            ("ご迷惑をおかけしている", "大西礼子"),
            ("組合との対話を続ける", "大西礼子"),
            ("同様の争議は今後も増える", "石川真理"),
            ("朝から2時間も待っている", "村上大輔"),
        ],
    ),
    (
        "zh.txt",
        "zh",
        "暴雨\n\n\
         江川市市长何志远表示：“全力保障群众安全。”\n\n\
         “抢险工作仍在继续。”他说。\n\n\
         “这是一项重要突破。”范启明说。\n",
        &[("全力保障群众安全。", "何志远"), ("抢险工作仍在继续。", "何志远"), ("这是一项重要突破。", "范启明")],
    ),
    (
        "ko.txt",
        "ko",
        "파업\n\n\
         강동혁 철도노조 위원장은 \"파업을 멈추지 않겠다\"고 말했다.\n\n\
         고용노동부 관계자는 \"판결문을 검토하겠다\"고 말했다.\n",
        &[("파업을 멈추지 않겠다", "강동혁"), ("판결문을 검토하겠다", "고용노동부 관계자")],
    ),
];

/// Each construction of each language gives its speaker: verb before or
/// after the quotation, "according to" before or after the source, a
/// pronoun written into the verb, a role resolved to the person the
/// article names for it, a role kept when nobody is named, an inflected
/// or short mention resolved to the full name, sentence openers never
/// taken for names.
#[test]
fn speakers_by_the_constructions_of_each_language() {
    let w = Workdir::new();
    let mut manifest = String::from("file,outlet,language\n");
    for (file, lang, body, _) in CASES {
        w.write(&format!("news/{file}"), body);
        manifest.push_str(&format!("{file},Daily {lang},{lang}\n"));
    }
    w.write("news/manifest.csv", manifest);
    let news = w.path().join("news").display().to_string();
    w.stdout(&["import", &news]);
    let conn = w.conn();
    let mut wrong = Vec::new();
    for (file, _, _, expected) in CASES {
        for (quote, speaker) in *expected {
            let got: Option<String> = conn
                .query_row(
                    "SELECT s.name FROM quotes q JOIN articles a ON a.id = q.article_id
                     LEFT JOIN speakers s ON s.id = q.speaker_id
                     WHERE a.source_path LIKE '%' || ?1 AND q.text = ?2",
                    [file, quote],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| panic!("{file}: no quotation {quote:?} ({e})"));
            if got.as_deref() != Some(*speaker) {
                wrong.push(format!("{file}: {quote:?} wants {speaker}, got {got:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Sentence openers are never speakers.
    assert_eq!(w.count("SELECT count(*) FROM speakers WHERE name IN ('Pourtant', 'Dennoch')"), 0);
}

/// `eval quotes --by-language` on a fixture directory and its gold: one
/// row per language and one for all, each as column → value.
fn by_language(dir: &str) -> Vec<HashMap<String, String>> {
    let w = Workdir::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let gold = root.join("gold.csv").display().to_string();
    let docs = root.display().to_string();
    let (header, rows) = parse_csv(&w.stdout(&["eval", "quotes", &gold, &docs, "--by-language", "--format", "csv"]));
    rows.into_iter().map(|r| header.iter().cloned().zip(r).collect()).collect()
}

/// The multilingual gold: every language detected and scored, and each
/// held to the bar (span F1 0.95, speaker accuracy 0.90).
#[test]
fn multilingual_gold_by_language() {
    let rows = by_language("multilingual");
    let figure = |r: &HashMap<String, String>, c: &str| -> f64 { r[c].parse().unwrap() };
    let mut languages: Vec<&str> = rows.iter().map(|r| r["language"].as_str()).collect();
    languages.sort_unstable();
    assert_eq!(
        languages,
        ["all", "ar", "de", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"],
        "every language of the gold is detected and scored"
    );
    for r in &rows {
        let (f, s) = (figure(r, "f1"), figure(r, "speaker_accuracy"));
        assert!(f >= 0.95, "{}: span F1 {f}", r["language"]);
        assert!(s >= 0.90, "{}: speaker accuracy {s}", r["language"]);
        if r["language"] == "all" {
            assert!(f >= 0.98 && s >= 0.91, "all: span F1 {f}, speaker accuracy {s}");
            let k = figure(r, "speaker_kind_accuracy");
            assert!(k >= 0.85, "all: speaker kind accuracy {k}");
        }
    }
}

/// The held-out articles, never read when tuning the tables: the issue's
/// bar for articles newsarchive has not seen, all languages together.
#[test]
fn multilingual_held_out_gold() {
    let rows = by_language("multilingual-holdout");
    let all = rows.iter().find(|r| r["language"] == "all").expect("a row for all languages");
    let (f, s): (f64, f64) = (all["f1"].parse().unwrap(), all["speaker_accuracy"].parse().unwrap());
    assert!(f >= 0.94 && s >= 0.85, "held-out: span F1 {f}, speaker accuracy {s}");
}
