namespace NewsPortal.Bench.DataGenerator;

/// <summary>A subject of a generated sentence; Russian and Ukrainian verbs agree with it in number.</summary>
internal sealed record Subject(string Text, bool Plural);

/// <summary>A past-tense verb in the forms that agree with a singular (masculine) or a plural subject.</summary>
internal sealed record Verb(string Singular, string Plural);

/// <summary>A place: its bare name (what readers search for) and the phrase that puts it in a sentence.</summary>
internal sealed record Place(string Name, string Phrase);

/// <summary>
/// The words one edition's generated stories are made of. The lists were written for the benchmark data:
/// short news phrases that combine into sentences of the edition's language and script.
/// </summary>
internal sealed class Vocabulary
{
    public required string Code { get; init; }

    public required Subject[] Subjects { get; init; }

    public required Verb[] Verbs { get; init; }

    /// <summary>Objects in the form the verb takes (the accusative in Russian and Ukrainian).</summary>
    public required string[] Objects { get; init; }

    public required string[] Modifiers { get; init; }

    public required Place[] Places { get; init; }

    /// <summary>Sentence openers; the sentence that follows starts in lower case.</summary>
    public required string[] Connectors { get; init; }

    /// <summary>Statements with a number in place of <c>{n}</c>.</summary>
    public required string[] Facts { get; init; }

    public required string[] SubHeads { get; init; }

    public required string[] Roles { get; init; }

    /// <summary>What a link in the body points to; the link sentence puts it in <c>{link}</c>.</summary>
    public required string[] Documents { get; init; }

    public required string LinkSentence { get; init; }

    public required string ListIntro { get; init; }

    public required string[] Corrections { get; init; }

    public required string IllustrationPrefix { get; init; }

    public required string PhotoPrefix { get; init; }

    public required string[] MaleFirstNames { get; init; }

    public required string[] FemaleFirstNames { get; init; }

    public required string[] Surnames { get; init; }

    /// <summary>The surname a woman carries (Russian adds -а to -ов, -ев and -ин).</summary>
    public Func<string, string> FemaleSurname { get; init; } = s => s;

    /// <summary>Builds a sentence from subject, verb, object, optional place phrase and optional modifier.</summary>
    public required Func<string, string, string, string?, string?, string> Sentence { get; init; }

    /// <summary>Builds a quotation paragraph from the quoted words (no final stop), the person and their role.</summary>
    public required Func<string, string, string, string> Quote { get; init; }

    /// <summary>Writes a number the way the edition does (Persian digits in the Persian edition).</summary>
    public Func<int, string> Number { get; init; } = n => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static readonly Vocabulary English = new()
    {
        Code = "en",
        Subjects =
        [
            new("The city council", false), new("Port workers", true), new("The central bank", false), new("Farmers", true),
            new("The energy ministry", false), new("University researchers", true), new("The government", false), new("Parliament", false),
            new("The mayor's office", false), new("The teachers' union", false), new("Truck drivers", true), new("The national rail operator", false),
            new("The weather service", false), new("City hospitals", true), new("Students", true), new("The health ministry", false),
            new("The national team", false), new("Local artists", true), new("The national museum", false), new("Fishing crews", true),
            new("The steelworks", false), new("The security council", false), new("The supreme court", false), new("The economy minister", false),
            new("Astronomers", true), new("Archaeologists", true), new("Orchestra musicians", true), new("Book publishers", true),
            new("School heads", true), new("Residents", true),
        ],
        Verbs =
        [
            new("approved", "approved"), new("announced", "announced"), new("rejected", "rejected"), new("postponed", "postponed"),
            new("expanded", "expanded"), new("reviewed", "reviewed"), new("suspended", "suspended"), new("launched", "launched"),
            new("confirmed", "confirmed"), new("criticised", "criticised"), new("extended", "extended"), new("opened", "opened"),
            new("cut", "cut"), new("raised", "raised"), new("revised", "revised"), new("proposed", "proposed"),
            new("completed", "completed"), new("assessed", "assessed"), new("published", "published"), new("backed", "backed"),
        ],
        Objects =
        [
            "a new budget", "the rail project", "water prices", "the harbour agreement", "the vaccination programme", "a flood map",
            "the annual report", "the tax law", "work on the bridge", "the book fair", "the harvest season", "plans to repair the grid",
            "the market rebuild", "the new dam project", "the city marathon", "the film festival", "a wind farm", "the public transport reform",
            "unemployment figures", "the key interest rate", "grain exports", "the discovery of a new comet", "excavations of an ancient town",
            "repairs to the library", "the night train", "a study of mountain glaciers", "the school curriculum", "nurses' pay",
            "medicine imports", "a digital archive",
        ],
        Modifiers =
        [
            "on Tuesday", "after weeks of talks", "despite protests", "in the north of the country", "for the first time in a decade",
            "after a vote", "at a long session", "without further explanation", "with broad support", "at the end of the month",
            "for now", "ahead of schedule", "in response to criticism", "after heavy rain", "at a lower cost",
        ],
        Places =
        [
            new("Lisbon", "in Lisbon"), new("Nairobi", "in Nairobi"), new("Oslo", "in Oslo"), new("Lima", "in Lima"), new("Hanoi", "in Hanoi"),
            new("Dakar", "in Dakar"), new("Montreal", "in Montreal"), new("Melbourne", "in Melbourne"), new("Krakow", "in Krakow"),
            new("Valencia", "in Valencia"), new("Glasgow", "in Glasgow"), new("Cork", "in Cork"), new("Denver", "in Denver"), new("Leeds", "in Leeds"),
            new("Geneva", "in Geneva"), new("Seoul", "in Seoul"), new("Tokyo", "in Tokyo"), new("Cairo", "in Cairo"), new("Ankara", "in Ankara"),
            new("Baku", "in Baku"), new("Tbilisi", "in Tbilisi"), new("Riga", "in Riga"), new("Porto", "in Porto"), new("Bergen", "in Bergen"),
            new("Quito", "in Quito"), new("Accra", "in Accra"), new("Halifax", "in Halifax"), new("Adelaide", "in Adelaide"),
            new("Gdansk", "in Gdansk"), new("Bilbao", "in Bilbao"),
        ],
        Connectors = ["Meanwhile,", "However,", "According to officials,", "In addition,", "On the other hand,", "As correspondents reported,"],
        Facts =
        [
            "The figure rose by {n} per cent compared with last year.", "About {n} people attended the first meeting.",
            "Officials put the cost at {n} million.", "The work is expected to take {n} months.",
        ],
        SubHeads = ["What changes now", "Reactions", "The background", "What comes next", "The numbers", "Local concerns", "A long debate", "Who pays"],
        Roles = ["a ministry spokesperson", "the union's leader", "a research fellow", "the project manager", "a local resident"],
        Documents = ["official report", "full statement", "published plan", "court ruling", "survey results"],
        LinkSentence = "Details are in the {link}.",
        ListIntro = "The plan includes:",
        Corrections =
        [
            "An earlier version of this article gave the wrong date for the vote.",
            "An earlier version of this article misspelled a speaker's name.",
            "An earlier version of this article overstated the cost of the project.",
        ],
        IllustrationPrefix = "Illustration:",
        PhotoPrefix = "Photo:",
        MaleFirstNames = ["James", "Thomas", "Daniel", "Samuel", "Patrick", "Owen", "Martin", "Simon"],
        FemaleFirstNames = ["Anna", "Maria", "Grace", "Helen", "Ruth", "Laura", "Clare", "Nora"],
        Surnames = ["Walsh", "Hughes", "Carter", "Bennett", "Doyle", "Fletcher", "Morgan", "Price", "Kennedy", "Ellis", "Harper", "Lynch", "Reid", "Barker"],
        Sentence = (s, v, o, place, modifier) => Join(s, v, o, place, modifier) + ".",
        Quote = (words, person, role) => $"> “{words},” said {person}, {role}.",
    };

    public static readonly Vocabulary Russian = new()
    {
        Code = "ru",
        Subjects =
        [
            new("Городской совет", false), new("Центральный банк", false), new("Парламент", false), new("Профсоюз учителей", false),
            new("Национальный музей", false), new("Сталелитейный завод", false), new("Совет безопасности", false), new("Верховный суд", false),
            new("Министр экономики", false), new("Губернатор области", false), new("Оргкомитет фестиваля", false), new("Научный институт", false),
            new("Районный суд", false), new("Кабинет министров", false), new("Крупнейший порт страны", false),
            new("Портовые рабочие", true), new("Фермеры", true), new("Исследователи университета", true), new("Водители грузовиков", true),
            new("Городские больницы", true), new("Студенты", true), new("Местные художники", true), new("Рыбаки", true), new("Астрономы", true),
            new("Археологи", true), new("Музыканты оркестра", true), new("Книжные издатели", true), new("Директора школ", true),
            new("Жители района", true), new("Власти города", true),
        ],
        Verbs =
        [
            new("одобрил", "одобрили"), new("объявил", "объявили"), new("отклонил", "отклонили"), new("отложил", "отложили"),
            new("расширил", "расширили"), new("рассмотрел", "рассмотрели"), new("приостановил", "приостановили"), new("начал", "начали"),
            new("подтвердил", "подтвердили"), new("раскритиковал", "раскритиковали"), new("продлил", "продлили"), new("открыл", "открыли"),
            new("сократил", "сократили"), new("увеличил", "увеличили"), new("изменил", "изменили"), new("предложил", "предложили"),
            new("завершил", "завершили"), new("оценил", "оценили"), new("опубликовал", "опубликовали"), new("поддержал", "поддержали"),
        ],
        Objects =
        [
            "новый бюджет", "проект железной дороги", "цены на воду", "договор о порте", "программу вакцинации", "карту паводков",
            "годовой отчёт", "налоговый закон", "строительство моста", "книжную ярмарку", "сезон сбора урожая", "план ремонта электросетей",
            "реконструкцию рынка", "проект новой плотины", "городской марафон", "кинофестиваль", "ветровую электростанцию",
            "реформу общественного транспорта", "данные о безработице", "ключевую ставку", "экспорт зерна", "открытие новой кометы",
            "раскопки древнего города", "ремонт библиотеки", "ночной поезд", "исследование горных ледников", "учебную программу",
            "зарплаты медсестёр", "импорт лекарств", "цифровой архив",
        ],
        Modifiers =
        [
            "во вторник", "после нескольких недель переговоров", "несмотря на протесты", "на севере страны", "впервые за десять лет",
            "после голосования", "на долгом заседании", "без дальнейших объяснений", "при широкой поддержке", "в конце месяца",
            "временно", "раньше срока", "в ответ на критику", "после сильных дождей", "с меньшими затратами",
        ],
        Places =
        [
            new("Казань", "в Казани"), new("Новосибирск", "в Новосибирске"), new("Екатеринбург", "в Екатеринбурге"), new("Самара", "в Самаре"),
            new("Алматы", "в Алматы"), new("Минск", "в Минске"), new("Ташкент", "в Ташкенте"), new("Лиссабон", "в Лиссабоне"),
            new("Найроби", "в Найроби"), new("Осло", "в Осло"), new("Лима", "в Лиме"), new("Ханой", "в Ханое"), new("Дакар", "в Дакаре"),
            new("Монреаль", "в Монреале"), new("Мельбурн", "в Мельбурне"), new("Краков", "в Кракове"), new("Валенсия", "в Валенсии"),
            new("Мурманск", "в Мурманске"), new("Калининград", "в Калининграде"), new("Владивосток", "во Владивостоке"),
            new("Иркутск", "в Иркутске"), new("Пермь", "в Перми"), new("Женева", "в Женеве"), new("Сеул", "в Сеуле"), new("Токио", "в Токио"),
            new("Каир", "в Каире"), new("Анкара", "в Анкаре"), new("Баку", "в Баку"), new("Тбилиси", "в Тбилиси"), new("Рига", "в Риге"),
        ],
        Connectors = ["Кроме того,", "Однако", "По словам чиновников,", "Тем временем", "С другой стороны,", "Как сообщают корреспонденты,"],
        Facts =
        [
            "Показатель вырос на {n} процентов по сравнению с прошлым годом.", "На первую встречу пришли около {n} человек.",
            "Чиновники оценили расходы в {n} миллионов.", "Работы, как ожидается, займут {n} месяцев.",
        ],
        SubHeads = ["Что меняется", "Реакция", "Предыстория", "Что дальше", "Цифры", "Опасения жителей", "Долгий спор", "Кто платит"],
        Roles = ["представитель министерства", "глава профсоюза", "научный сотрудник", "руководитель проекта", "местный житель"],
        Documents = ["официальном отчёте", "полном заявлении", "опубликованном плане", "решении суда", "результатах опроса"],
        LinkSentence = "Подробности — в {link}.",
        ListIntro = "План включает:",
        Corrections =
        [
            "В предыдущей версии статьи была неверно указана дата голосования.",
            "В предыдущей версии статьи было неправильно написано имя выступавшего.",
            "В предыдущей версии статьи была завышена стоимость проекта.",
        ],
        IllustrationPrefix = "Иллюстрация:",
        PhotoPrefix = "Фото:",
        MaleFirstNames = ["Иван", "Сергей", "Дмитрий", "Алексей", "Павел", "Михаил", "Николай", "Андрей"],
        FemaleFirstNames = ["Анна", "Мария", "Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана"],
        Surnames = ["Петров", "Соколов", "Лебедев", "Морозов", "Волков", "Новиков", "Фёдоров", "Орлов", "Белов", "Зайцев", "Ильин", "Кузнецов", "Голубев", "Крылов"],
        FemaleSurname = s => s + "а",
        Sentence = (s, v, o, place, modifier) => Join(s, v, o, place, modifier) + ".",
        Quote = (words, person, role) => $"> «{words}», — говорит {person}, {role}.",
    };

    public static readonly Vocabulary Ukrainian = new()
    {
        Code = "uk",
        Subjects =
        [
            new("Центральний банк", false), new("Парламент", false), new("Профспілковий комітет", false), new("Національний музей", false),
            new("Металургійний завод", false), new("Верховний суд", false), new("Міністр економіки", false), new("Голова області", false),
            new("Оргкомітет фестивалю", false), new("Науковий інститут", false), new("Районний суд", false), new("Кабмін", false),
            new("Найбільший порт країни", false), new("Університет", false), new("Мер міста", false),
            new("Портові робітники", true), new("Фермери", true), new("Дослідники університету", true), new("Водії вантажівок", true),
            new("Міські лікарні", true), new("Студенти", true), new("Місцеві художники", true), new("Рибалки", true), new("Астрономи", true),
            new("Археологи", true), new("Музиканти оркестру", true), new("Книжкові видавці", true), new("Директори шкіл", true),
            new("Мешканці району", true), new("Представники влади", true),
        ],
        Verbs =
        [
            new("схвалив", "схвалили"), new("оголосив", "оголосили"), new("відхилив", "відхилили"), new("відклав", "відклали"),
            new("розширив", "розширили"), new("розглянув", "розглянули"), new("призупинив", "призупинили"), new("розпочав", "розпочали"),
            new("підтвердив", "підтвердили"), new("розкритикував", "розкритикували"), new("продовжив", "продовжили"), new("відкрив", "відкрили"),
            new("скоротив", "скоротили"), new("збільшив", "збільшили"), new("змінив", "змінили"), new("запропонував", "запропонували"),
            new("завершив", "завершили"), new("оцінив", "оцінили"), new("опублікував", "опублікували"), new("підтримав", "підтримали"),
        ],
        Objects =
        [
            "новий бюджет", "проєкт залізниці", "ціни на воду", "угоду щодо порту", "програму вакцинації", "карту паводків", "річний звіт",
            "податковий закон", "будівництво мосту", "книжковий ярмарок", "сезон збору врожаю", "план ремонту електромереж",
            "реконструкцію ринку", "проєкт нової греблі", "міський марафон", "кінофестиваль", "вітрову електростанцію",
            "реформу громадського транспорту", "дані про безробіття", "облікову ставку", "експорт зерна", "відкриття нової комети",
            "розкопки давнього міста", "ремонт бібліотеки", "нічний потяг", "дослідження гірських льодовиків", "навчальну програму",
            "зарплати медсестер", "імпорт ліків", "цифровий архів",
        ],
        Modifiers =
        [
            "у вівторок", "після кількох тижнів переговорів", "попри протести", "на півночі країни", "вперше за десять років",
            "після голосування", "на довгому засіданні", "без подальших пояснень", "за широкої підтримки", "наприкінці місяця",
            "тимчасово", "достроково", "у відповідь на критику", "після сильних дощів", "з меншими витратами",
        ],
        Places =
        [
            new("Львів", "у Львові"), new("Одеса", "в Одесі"), new("Харків", "у Харкові"), new("Дніпро", "у Дніпрі"), new("Вінниця", "у Вінниці"),
            new("Полтава", "у Полтаві"), new("Ужгород", "в Ужгороді"), new("Чернігів", "у Чернігові"), new("Лісабон", "у Лісабоні"),
            new("Найробі", "у Найробі"), new("Осло", "в Осло"), new("Ліма", "у Лімі"), new("Ханой", "у Ханої"), new("Дакар", "у Дакарі"),
            new("Монреаль", "у Монреалі"), new("Мельбурн", "у Мельбурні"), new("Краків", "у Кракові"), new("Валенсія", "у Валенсії"),
            new("Херсон", "у Херсоні"), new("Житомир", "у Житомирі"), new("Луцьк", "у Луцьку"), new("Тернопіль", "у Тернополі"),
            new("Женева", "у Женеві"), new("Сеул", "у Сеулі"), new("Токіо", "у Токіо"), new("Каїр", "у Каїрі"), new("Анкара", "в Анкарі"),
            new("Варшава", "у Варшаві"), new("Вільнюс", "у Вільнюсі"), new("Рига", "у Ризі"),
        ],
        Connectors = ["Крім того,", "Однак", "За словами посадовців,", "Тим часом", "З іншого боку,", "Як повідомляють кореспонденти,"],
        Facts =
        [
            "Показник зріс на {n} відсотків порівняно з минулим роком.", "На першу зустріч прийшли близько {n} людей.",
            "Посадовці оцінили витрати в {n} мільйонів.", "Роботи, як очікується, триватимуть {n} місяців.",
        ],
        SubHeads = ["Що змінюється", "Реакція", "Передісторія", "Що далі", "Цифри", "Побоювання мешканців", "Довга суперечка", "Хто платить"],
        Roles = ["представник міністерства", "голова профспілки", "науковий співробітник", "керівник проєкту", "місцевий мешканець"],
        Documents = ["офіційному звіті", "повній заяві", "оприлюдненому плані", "рішенні суду", "результатах опитування"],
        LinkSentence = "Подробиці — у {link}.",
        ListIntro = "План передбачає:",
        Corrections =
        [
            "У попередній версії статті було неправильно вказано дату голосування.",
            "У попередній версії статті було неправильно написано ім’я промовця.",
            "У попередній версії статті було завищено вартість проєкту.",
        ],
        IllustrationPrefix = "Ілюстрація:",
        PhotoPrefix = "Фото:",
        MaleFirstNames = ["Тарас", "Богдан", "Андрій", "Максим", "Дмитро", "Василь", "Остап", "Петро"],
        FemaleFirstNames = ["Оксана", "Ірина", "Наталія", "Олена", "Юлія", "Софія", "Галина", "Марія"],
        Surnames = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Савчук", "Поліщук", "Лисенко", "Руденко", "Марченко", "Гнатюк", "Бойко"],
        Sentence = (s, v, o, place, modifier) => Join(s, v, o, place, modifier) + ".",
        Quote = (words, person, role) => $"> «{words}», — каже {person}, {role}.",
    };

    public static readonly Vocabulary Persian = new()
    {
        Code = "fa",
        Subjects =
        [
            new("شورای شهر", false), new("کارگران بندر", true), new("بانک مرکزی", false), new("کشاورزان", true), new("وزارت نیرو", false),
            new("پژوهشگران دانشگاه", true), new("دولت", false), new("مجلس", false), new("شهرداری", false), new("اتحادیه معلمان", false),
            new("رانندگان کامیون", true), new("شرکت راه‌آهن", false), new("سازمان هواشناسی", false), new("بیمارستان‌های شهر", true),
            new("دانشجویان", true), new("وزارت بهداشت", false), new("تیم ملی", false), new("هنرمندان محلی", true), new("موزه ملی", false),
            new("صیادان", true), new("کارخانه فولاد", false), new("شورای امنیت", false), new("دیوان عالی", false), new("وزیر اقتصاد", false),
            new("اخترشناسان", true), new("باستان‌شناسان", true), new("نوازندگان ارکستر", true), new("ناشران کتاب", true),
            new("مدیران مدارس", true), new("ساکنان محله", true),
        ],
        Verbs =
        [
            new("را تصویب کرد", "را تصویب کردند"), new("را اعلام کرد", "را اعلام کردند"), new("را رد کرد", "را رد کردند"),
            new("را به تعویق انداخت", "را به تعویق انداختند"), new("را گسترش داد", "را گسترش دادند"), new("را بررسی کرد", "را بررسی کردند"),
            new("را متوقف کرد", "را متوقف کردند"), new("را آغاز کرد", "را آغاز کردند"), new("را تأیید کرد", "را تأیید کردند"),
            new("را نقد کرد", "را نقد کردند"), new("را تمدید کرد", "را تمدید کردند"), new("را افتتاح کرد", "را افتتاح کردند"),
            new("را کاهش داد", "را کاهش دادند"), new("را افزایش داد", "را افزایش دادند"), new("را تغییر داد", "را تغییر دادند"),
            new("را پیشنهاد کرد", "را پیشنهاد کردند"), new("را به پایان رساند", "را به پایان رساندند"), new("را ارزیابی کرد", "را ارزیابی کردند"),
            new("را منتشر کرد", "را منتشر کردند"), new("را پذیرفت", "را پذیرفتند"),
        ],
        Objects =
        [
            "بودجه تازه", "طرح راه‌آهن", "قیمت آب", "قرارداد بندر", "برنامه واکسیناسیون", "نقشه سیل", "گزارش سالانه", "قانون مالیات",
            "ساخت پل", "نمایشگاه کتاب", "فصل برداشت", "طرح تعمیر شبکه برق", "بازسازی بازار", "طرح سد جدید", "مسابقه ماراتن شهر",
            "جشنواره فیلم", "نیروگاه بادی", "طرح حمل‌ونقل عمومی", "آمار بیکاری", "نرخ بهره", "صادرات گندم", "کشف دنباله‌دار تازه",
            "کاوش در شهری باستانی", "تعمیر کتابخانه", "قطار شبانه", "پژوهش درباره یخچال‌های کوهستان", "برنامه درسی مدارس",
            "دستمزد پرستاران", "واردات دارو", "بایگانی دیجیتال",
        ],
        Modifiers =
        [
            "روز سه‌شنبه", "پس از هفته‌ها گفت‌وگو", "با وجود اعتراض‌ها", "در شمال کشور", "برای نخستین بار در یک دهه", "پس از رأی‌گیری",
            "در جلسه‌ای طولانی", "بدون توضیح بیشتر", "با حمایت گسترده", "در پایان ماه", "به‌طور موقت", "زودتر از موعد",
            "در واکنش به انتقادها", "پس از بارش‌های سنگین", "با هزینه‌ای کمتر",
        ],
        Places =
        [
            new("تهران", "در تهران"), new("اصفهان", "در اصفهان"), new("شیراز", "در شیراز"), new("تبریز", "در تبریز"), new("مشهد", "در مشهد"),
            new("کابل", "در کابل"), new("هرات", "در هرات"), new("دوشنبه", "در دوشنبه"), new("لیسبون", "در لیسبون"), new("نایروبی", "در نایروبی"),
            new("اسلو", "در اسلو"), new("لیما", "در لیما"), new("هانوی", "در هانوی"), new("داکار", "در داکار"), new("مونترال", "در مونترال"),
            new("ملبورن", "در ملبورن"), new("کراکوف", "در کراکوف"), new("والنسیا", "در والنسیا"), new("بندرعباس", "در بندرعباس"),
            new("رشت", "در رشت"), new("کرمان", "در کرمان"), new("یزد", "در یزد"), new("بلخ", "در بلخ"), new("خجند", "در خجند"),
            new("ژنو", "در ژنو"), new("سئول", "در سئول"), new("توکیو", "در توکیو"), new("قاهره", "در قاهره"), new("آنکارا", "در آنکارا"),
            new("باکو", "در باکو"),
        ],
        Connectors = ["همچنین", "با این حال،", "به گفته مقامات،", "در همین حال،", "از سوی دیگر،", "به گزارش خبرنگاران،"],
        Facts =
        [
            "این رقم نسبت به سال گذشته {n} درصد افزایش یافت.", "حدود {n} نفر در نخستین نشست حاضر بودند.",
            "مقامات هزینه آن را {n} میلیون برآورد کردند.", "انتظار می‌رود این کار {n} ماه طول بکشد.",
        ],
        SubHeads = ["چه چیزی تغییر می‌کند", "واکنش‌ها", "پیشینه", "گام بعدی", "آمار و ارقام", "نگرانی ساکنان", "بحثی طولانی", "هزینه را چه کسی می‌پردازد"],
        Roles = ["سخنگوی وزارت", "رئیس اتحادیه", "یک پژوهشگر", "مدیر پروژه", "یکی از ساکنان"],
        Documents = ["گزارش رسمی", "بیانیه کامل", "طرح منتشرشده", "حکم دادگاه", "نتایج نظرسنجی"],
        LinkSentence = "جزئیات در {link} آمده است.",
        ListIntro = "این طرح شامل این موارد است:",
        Corrections =
        [
            "در نسخه پیشین این گزارش تاریخ رأی‌گیری نادرست ذکر شده بود.",
            "در نسخه پیشین این گزارش نام یکی از سخنرانان اشتباه نوشته شده بود.",
            "در نسخه پیشین این گزارش هزینه پروژه بیش از واقع ذکر شده بود.",
        ],
        IllustrationPrefix = "تصویرسازی:",
        PhotoPrefix = "عکس:",
        MaleFirstNames = ["علی", "رضا", "حسین", "امید", "کاوه", "بهرام", "داریوش", "مهدی"],
        FemaleFirstNames = ["مریم", "سارا", "نرگس", "لیلا", "زهرا", "شیرین", "فاطمه", "پریسا"],
        Surnames = ["احمدی", "رضایی", "کریمی", "حسینی", "موسوی", "جعفری", "صادقی", "نوری", "رحیمی", "کاظمی", "شریفی", "طاهری", "یزدانی", "فرهادی"],
        // Persian puts the verb last: subject, modifier, place, object, verb.
        Sentence = (s, v, o, place, modifier) => Join(s, modifier, place, o, v) + ".",
        Quote = (words, person, role) => $"> {person}، {role}، گفت: «{words}.»",
        Number = n => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('۰' + (c - '0')))),
    };

    public static readonly IReadOnlyDictionary<string, Vocabulary> ByCode =
        new[] { English, Russian, Ukrainian, Persian }.ToDictionary(v => v.Code, StringComparer.Ordinal);

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
