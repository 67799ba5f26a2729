"""Word lists the cast finder leans on: honorifics, pronouns, pet names and capitalised words that
are not names. Kept as plain sets so lookups stay O(1) and the whole stage stays regex-fast."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as running text."""
    return frozenset(text.split())

# Honorific -> gender it implies (None: says nothing about gender).
TITLES: dict[str, str | None] = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "monsieur": "male", "m": "male",
    "master": "male", "uncle": "male", "father": "male", "brother": "male", "count": "male",
    "duke": "male", "prince": "male", "king": "male", "signor": "male", "señor": "male",
    "herr": "male", "grandpa": "male", "mrs": "female", "ms": "female", "miss": "female",
    "lady": "female", "dame": "female", "madam": "female", "madame": "female", "mme": "female",
    "mlle": "female", "mademoiselle": "female", "aunt": "female", "auntie": "female",
    "mother": "female", "sister": "female", "countess": "female", "duchess": "female",
    "princess": "female", "queen": "female", "mistress": "female", "signora": "female",
    "señora": "female", "frau": "female", "fräulein": "female", "granny": "female",
    "fraulein": "female", "signorina": "female", "señorita": "female", "senor": "male",
    "senora": "female", "senorita": "female",
    "grandma": "female", "mx": None, "dr": None, "doctor": None, "prof": None, "professor": None,
    "captain": None, "capt": None, "colonel": None, "col": None, "major": None, "general": None,
    "lieutenant": None, "lt": None, "sergeant": None, "sgt": None, "inspector": None,
    "detective": None, "constable": None, "agent": None, "officer": None, "commander": None,
    "admiral": None, "judge": None, "rev": None, "reverend": None, "cousin": None, "healer": None,
    "nurse": None, "coach": None, "chief": None, "comrade": None, "marquis": "male",
    "baron": "male", "baroness": "female",
}

PRONOUN_GENDER: dict[str, str] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
PRONOUN_LABEL = {"male": "he/him", "female": "she/her", "nonbinary": "they/them"}

# Terms of endearment and address used as vocatives; they point at the addressee.
PET_NAMES = words("""
love darling dear dearest sweetheart sweetie honey hon babe baby sugar pet angel luv lovey
sweetpea sunshine precious beloved kitten princess treasure mate buddy pal kid son lad lass
laddie lassie dearie child boy girl sir madam ma'am maam mum mom mama mamma papa dad daddy
father mother brother sister miss missus guv'nor gentlemen ladies friend fool idiot
cupcake pumpkin cutie toots doll dollface sweetcheeks muffin buttercup peaches kiddo sport champ
tiger pipsqueak squirt sugarplum honeybun snookums cutiepie gorgeous handsome hotshot bub bubba
""")

# Capitalised words that are (almost) never a character's name, beyond general stopwords.
NOT_NAMES = words("""
presently hitherto lest meanwhile afterwards thereupon nevertheless moreover besides suddenly
certainly surely evidently obviously luckily unfortunately fortunately instantly immediately
soon later finally slowly quickly gently softly silently quietly poor dear dearest old young
i i'm i'll i've i'd oh ah ay aye yes no nay well why what who whom how when where there here yet
still now then so and but or nor for not if in on at by of to the a an this that these those my
your his her its our their we you he she it they me us him them mine yours ours theirs do did
does is was were be been am are has had have will would shall should can could may might must
god lord heaven heavens christ jesus hell sir madam ma'am mister miss mrs mr ms dr
mesdames messieurs messrs misses
christmas easter michaelmas english french german
italian spanish irish scottish scotch welsh american british roman chapter book part volume
prologue epilogue the end fin note notes summary disclaimer hello hullo hey hi goodbye good bye
thank thanks please sorry okay ok alright indeed nonsense mother father mama papa mamma mum mom
dad daddy aunt uncle grandma grandpa granny everyone everybody nobody somebody someone anyone
anybody nothing something anything whatever whoever however perhaps maybe only just even ever
never always again also too look listen come go wait stop let see hush quick run help dear
darling love unlike despite seeing considering regarding concerning including following
""")

# Days and months: never a name unless the work firmly treats one as a person (The Man Who Was
# Thursday's council is named by the days of the week: "said Sunday", "President Sunday").
CALENDAR = words("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""")

# Countries, continents and faiths: capitalised, often a sentence subject ("India is…", "Islam
# is…"), never a character here unless something person-like is said of them. Words that are
# also given names (Georgia, Jordan, Chad) are left out.
PLACES_AND_FAITHS = words("""
india england france italy spain germany america europe asia africa australia ireland scotland
wales russia china japan egypt greece turkey persia arabia canada mexico brazil switzerland austria
holland belgium portugal sweden norway denmark poland hungary prussia bohemia britain afghanistan
islam christianity christendom hinduism buddhism judaism moslem moslems muslim muslims mohammedan
mohammedans hindu hindus buddhist persian persians englishman englishmen englishwoman englishwomen
frenchman frenchmen frenchwoman european europeans oriental orientals anglo-indian anglo-indians
catholic catholics protestant protestants anglo-india japanese chinese portuguese jewish spaniard
spaniards italians americans germans russians greek greeks latin creole creoles basque basques mexican
mexicans canadian canadians indian indians
""")

# Prepositions that mark a following capitalised word as a place ("at Hartfield", "to London").
PLACE_PREPOSITIONS = words("""
in at to from into near towards toward through across via off
""")

# Common given names whose gender is plain, for when the text has not said yet (short works);
# not one both sexes go by ("Charlie"): the census leans it one way and the pronouns decide.
FEMALE_NAMES = words("""
mary elizabeth jane anne ann anna emma sarah sara catherine katherine kate kitty lucy lydia
margaret maria marianne elinor charlotte caroline harriet fanny julia isabella emily emilia
louisa eliza lizzy betsy betty susan susanna alice ellen helen helena eleanor agnes martha
molly polly sally dorothy rose rosa ginny hermione luna petunia minerva bellatrix narcissa
lily lavender pansy cho fleur nymphadora tonks daisy edith florence grace hannah hester
josephine judith laura lilian lillian mabel marion matilda maud nancy nora olivia phoebe
rachel rebecca ruth sophia sophie victoria violet amy beth clara diana evelyn georgiana gwen
irene jessica kathleen lilia lucia maggie meg marilla mildred miriam natalie penelope priscilla
sibyl sybil tessa theresa wendy winifred adela brett donna amelia clarissa cecily gladys
honoria joanna leonora melanie monica norah patricia sandra sharon stella sylvia teresa ursula
vera yvonne zoe abigail adeline aurora beatrice bridget cora dinah esther frances gertrude
ida imogen iris isabel ivy jemima jenny joan lottie lucinda madeline marguerite mina molly
myra nell nelly olive pauline peggy prudence sue virginia abby ella ruby mia chloe megan marta
eve eva evie edna
""")
MALE_NAMES = words("""
john james william george thomas henry charles edward robert richard frank fred frederick
arthur albert alfred harry harold ron ronald draco severus sirius remus albus neville
percy bill peter paul mark matthew michael david daniel joseph
samuel benjamin jacob jack jake tom tommy bob bobby dick ned ted teddy walter wilfred
philip phil edmund edgar hugh lawrence lewis louis martin nicholas oliver patrick ralph
roger simon stephen steven timothy victor vincent christopher anthony andrew alexander
alan adam basil bertram cecil cedric cyril dorian duncan ernest eugene felix francis gabriel
gerald gilbert gregory guy herbert horace howard isaac ivan jasper jeremy jim jimmy joe
julian laurence leonard lionel lucius malcolm matthew maurice max maxwell neil noah norman
owen percival raymond reginald rupert sebastian sherlock mycroft silas theodore tobias
toby trevor wallace warren wilson aziz ronny gino mike michael pedro robin christopher
harvey jerry kevin larry leo luke marcus nathan ryan scott sean shawn tony wayne bruce clark
dean sam castiel steve tony loki thor
""")
