"""Word lists for quote attribution: reporting verbs, pronouns, titles and non-name words."""
from __future__ import annotations

# Reporting verbs as "base past [third-person] [gerund]"; missing forms are built regularly.
_VERBS = """
say said says saying, tell told tells telling, add added, argue argued argues arguing, warn warned,
claim claimed, respond responded, reply replied replies replying, insist insisted,
note noted notes noting, acknowledge acknowledged acknowledges acknowledging, explain explained,
state stated, declare declared declares declaring, announce announced announces announcing,
write wrote writes writing, report reported, assert asserted, contend contended, suggest suggested,
recall recalled, admit admitted admits admitting, concede conceded concedes conceding,
confirm confirmed, deny denied denies denying, emphasize emphasized emphasizes emphasizing,
emphasise emphasised emphasises emphasising, stress stressed stresses stressing, predict predicted,
promise promised promises promising, pledge pledged pledges pledging, vow vowed,
urge urged urges urging, ask asked, testify testified testifies testifying,
allege alleged alleges alleging, complain complained, tweet tweeted, post posted,
continue continued continues continuing, observe observed observes observing, remark remarked,
caution cautioned, maintain maintained, mention mentioned, indicate indicated indicates indicating,
agree agreed agrees agreeing, conclude concluded concludes concluding, reveal revealed,
charge charged charges charging, accuse accused accuses accusing, boast boasted,
joke joked jokes joking, quip quipped quips quipping, counter countered, retort retorted,
reiterate reiterated reiterates reiterating, announce announced,
estimate estimated estimates estimating, find found finds finding, show showed,
believe believed believes believing, think thought thinks thinking, predict predicted,
proclaim proclaimed, scoff scoffed, shout shouted, tout touted, wonder wondered,
hope hoped hopes hoping, comment commented, read reads, learn learned, lament lamented,
answer answered, inform informed, reckon reckoned, assure assured, hint hinted,
clarify clarified clarifies clarifying, disclose disclosed, underscore underscored, signal signaled,
signal signalled signals signalling, forecast forecast, reflect reflected, repeat repeated
""".replace("\n", " ").split(", ")


def _forms(line: str) -> list[str]:
    words = line.split()
    base, past = words[0], words[1]
    third = words[2] if len(words) > 2 else base + ("es" if base.endswith(("s", "sh", "ch")) else "s")
    gerund = words[3] if len(words) > 3 else base + "ing"
    return [base, past, third, gerund]


def _forms_of(lines: list[str], bases: str | None = None) -> frozenset[str]:
    """Every form of the verbs of ``lines``; only of those whose base form ``bases`` lists, if given."""
    wanted = None if bases is None else frozenset(bases.split())
    return frozenset(f for line in lines if wanted is None or line.split()[0] in wanted for f in _forms(line))


# Forms that are far more often nouns ("the states", "his TV show") than reporting verbs.
_NOUN_LIKE = frozenset(
    """state states show shows read reading report remark call comment tweet add continue
    maintain hope post claim charge counter note estimate promise pledge vow hint hints
    answer answers signal signals reflect reflects""".split()
)
REPORTING_VERBS = _forms_of(_VERBS) - _NOUN_LIKE
# Verbs of intention: attributions in news corpora ("Clinton wants to triple the program") only
# with an infinitive after them; "wants a recount" or "declined comment" reports no statement.
_INTENTIONS = """
want wanted wants wanting
plan planned plans planning
refuse refused refuses refusing
decline declined declines declining
decide decided decides deciding
intend intended
seek sought seeks seeking
threaten threatened
""".strip().splitlines()
# "plan" and "plans" are far more often nouns ("the pipeline plan as “a gamble”").
INTENTION_VERBS = _forms_of(_INTENTIONS) - {"plan", "plans"}
REPORTING_VERBS |= INTENTION_VERBS
# Verbs whose infinitive is their statement: the intentions, and promises or agreements.
INFINITIVE_VERBS = INTENTION_VERBS | _forms_of(_VERBS, "vow promise pledge agree hope")
# Verbs that take the listener as object before the content ("told reporters that ...").
LISTENER_VERBS = frozenset(_forms("tell told tells telling") + _forms("ask asked") + _forms("warn warned")
                           + _forms("caution cautioned") + _forms("assure assured") + _forms("inform informed"))
# Verbs that follow their statement with the speaker after them ("…, said Ann Lee"): an object
# after the others is no speaker ("…, announced her departure").
INVERTED_VERBS = _forms_of(_VERBS, """say add ask write explain continue reply note argue insist warn recall
    observe remark state declare concede admit respond counter retort joke quip boast complain acknowledge
    lament answer shout scoff suggest predict caution conclude maintain claim agree""")
# Verbs that report a statement only when "that" follows them ("disclosed that …", not "disclosed
# the figures"; "repeated that …", not "repeated warnings").
THAT_VERBS = _forms_of(_VERBS, "disclose underscore signal forecast reflect repeat")
# Verbs that report only from after their statement: "…, The Herald has learned." ("She
# learned that …" tells what someone found out, not what anyone said).
TRAILING_VERBS = _forms_of(_VERBS, "learn")
# Verbs of belief or finding are attributions in news corpora but rarely frame a direct quote
# on their own; they only count for reported speech with an explicit subject.
WEAK_VERBS = _forms_of(_VERBS, "believe think find show wonder hope post") | INTENTION_VERBS

# Verbs that frame a quoted phrase ("called the plan “a disaster”") but, without quote marks,
# describe an action rather than speech; they only cue mixed quotations.
_FRAMING = """
call called calls calling, describe described describes describing,
criticize criticized criticizes criticizing, criticise criticised criticises criticising,
cite cited, blast blasted, dismiss dismissed dismisses dismissing,
denounce denounced denounces denouncing, slam slammed slams slamming,
praise praised praises praising, attack attacked, defend defended, question questioned,
label labeled labels labeling, brand branded, dub dubbed dubs dubbing, term termed, mock mocked,
compare compared compares comparing, liken likened likens likening, laud lauded, hail hailed,
condemn condemned, decry decried decries decrying, deride derided derides deriding,
ridicule ridiculed ridicules ridiculing, scold scolded, chide chided chides chiding,
lambaste lambasted lambastes lambasting, characterize characterized characterizes characterizing,
portray portrayed, refer referred refers referring, chant chanted, sing sang sings singing,
exhort exhorted, demand demanded, plead pleaded, scream screamed, yell yelled, whisper whispered,
muse mused muses musing, recount recounted, reference referenced references referencing,
echo echoed echoes echoing, applaud applauded, thank thanked, rate rated rates rating,
rule ruled rules ruling, label labelled labels labelling
""".replace("\n", " ").split(", ")
# Verbs of a face or a gesture: right after a quote, writers use them to tag it ("“We got
# lucky,” laughed Ortiz"; "“It is what it is,” the coach shrugged").
_GESTURES = """laugh laughed, smile smiled, shrug shrugged, sigh sighed, grin grinned, chuckle chuckled,
sniff sniffed, groan groaned, mutter muttered, murmur murmured, mumble mumbled, stammer stammered,
gush gushed, enthuse enthused, fume fumed, growl growled, hiss hissed, snort snorted, tease teased,
cry cried cries, exclaim exclaimed, beam beamed, wail wailed, sob sobbed""".replace("\n", " ").split(", ")
_FRAMING += _GESTURES
FRAMING_VERBS = _forms_of(_FRAMING)
# Framing verbs that name a way of speaking: after a quote they attribute it (“Why?” she demanded).
SPEECH_MANNER = _forms_of(_FRAMING, "demand plead scream yell whisper muse scold chide") | _forms_of(_GESTURES)
# Base forms that are mostly nouns still frame a quoted phrase ("his call for “…”").
FRAMING_ALSO = _forms_of(_VERBS) & _NOUN_LIKE

PRONOUNS = {"he": "male", "she": "female", "they": "plural", "i": "self", "we": "self", "it": "thing"}


def pronoun_of(word: str) -> str | None:
    """The pronoun a lower-case word is, or opens with its auxiliary contracted ("he’s", "they've"
    → "he", "they"); None for any other word and for the impersonal "it's"."""
    if word in PRONOUNS:
        return word
    if "'" not in word and "’" not in word:
        return None
    own = word.replace("’", "'").split("'")[0]
    return own if own in PRONOUNS and own != "it" else None


TITLES = frozenset(
    """mr mrs ms miss dr prof sen rep gov gen lt col sgt capt adm maj rev hon pres sens reps govs
    president senator representative governor secretary minister mayor judge justice chief
    general admiral sheriff chancellor commissioner director ambassador premier speaker
    candidate spokesman spokeswoman spokesperson pope prince princess king queen lord lady sir
    dame detective officer attorney chairman chairwoman chair councillor councilman councilwoman
    mp mla mpp coach professor pastor bishop archbishop cardinal rabbi imam reverend inspector
    superintendent constable sergeant captain lieutenant colonel corporal manager leader executive ceo
    economist analyst strategist editor correspondent deputy""".split()
)

# Titles and the abbreviations of titles a full stop ends inside a name ("Del. Stacey Plaskett",
# "Brig. Gen. Ann Cole", "Supt. Tom Reed"): no sentence ends there.
DOTTED_TITLES = TITLES | frozenset("del brig supt insp det cllr pte cpl fr".split())

# Occupations written in capitals before a name, as titles are ("Actress Julia Louis-Dreyfus",
# "Striker Harry Kane", "Chef Jamie Oliver"): no part of the name. Not words that open names of
# things too ("Star Wars", "Comic Relief", "Model T"); alone, a word here may be a surname
# ("Singer", "Farmer"), so only a name of several words drops it.
OCCUPATIONS = frozenset(
    """actress actor singer songwriter supermodel presenter host broadcaster chef author
    writer novelist poet comedian rapper musician drummer guitarist designer producer
    photographer artist dancer boxer golfer striker midfielder defender goalkeeper keeper winger
    player referee jockey cyclist athlete sprinter swimmer olympian businessman
    businesswoman tycoon billionaire millionaire entrepreneur socialite heiress blogger vlogger
    youtuber influencer teacher nurse pilot farmer student pupil grandmother grandfather widow
    co-defendant defendant astronaut scientist researcher historian neighbour neighbor lawyer
    solicitor barrister scrum-half fly-half full-back fullback quarterback linebacker pitcher
    batsman bowler schoolboy schoolgirl schoolteacher toddler pensioner""".split()
)

# Capitalised words that start sentences or headlines but are not names.
NOT_NAMES = frozenset(
    """the a an but and or nor so yet for in on at to of by from with without into onto over
    under after before during since until while when whenever where wherever why how what who
    whom whose which that this these those there here now then today yesterday tomorrow
    meanwhile however still also although though because if unless as also earlier later last
    next first second third finally instead indeed perhaps maybe already again once both each
    every all some many most much more few several other another such no not never always
    he she they we i you it his her their our my your its him them us me one two three
    according apart despite amid among against between through throughout toward towards
    like unlike beyond about above below across around behind beside besides near along
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december yes oh well please thanks thank
    read click watch see here's it's that's there's what's let's don't can't won't
    breaking update exclusive video photos opinion analysis editorial having being asked
    said says speaking asked following partial only just even almost nearly""".split()
)

# Adjectives of a nation, a region or a party: alone, no name ("the top British medical journal",
# "Chinese officials", "the Spanish government"); inside one they stay ("British Airways").
DEMONYMS = frozenset(
    """american british english scottish welsh irish french german italian spanish portuguese dutch
    belgian swiss austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian
    romanian bulgarian greek turkish russian ukrainian belarusian serbian croatian bosnian albanian
    chinese japanese korean taiwanese vietnamese thai malaysian indonesian filipino singaporean
    indian pakistani afghan bangladeshi iranian iraqi syrian lebanese israeli palestinian jordanian
    saudi yemeni egyptian libyan tunisian algerian moroccan nigerian ghanaian kenyan ethiopian
    somali sudanese ugandan african asian european canadian mexican brazilian argentine
    argentinian chilean colombian venezuelan peruvian cuban australian zealander arab kurdish
    western eastern republican democratic democrat""".split()
)

# Words that mark a capitalised phrase as an organisation rather than a person.
ORG_WORDS = frozenset(
    """association commission committee council department ministry agency bureau office
    party university college school institute center centre foundation company corporation
    corp inc ltd group organization organisation union league network news times post
    journal press review tribune herald gazette daily weekly magazine court house senate
    congress parliament assembly government administration campaign coalition alliance
    federation board bank fund trust service services police army navy force forces
    church club team cbc cnn bbc fox msnbc nbc abc cbs reuters ap afp npr poll survey
    report study foundation trend firm hospital museum military airline charity embassy
    society regulator authority consortium initiative newspaper tabloid cartel media outlet""".split()
)

# Common nouns that can head a speaker phrase ("a source said", "officials say").
SPEAKER_NOUNS = frozenset(
    """source sources official officials spokesman spokeswoman spokesperson aide aides adviser
    advisers advisor advisors analyst analysts expert experts critic critics lawmaker
    lawmakers leader leaders democrats republicans liberals conservatives voters police
    prosecutors investigators researchers scientists economists people residents witnesses
    report reports poll polls survey surveys study studies statement campaign government
    administration authorities committee commission group organization agency department
    ministry company firm lawyer lawyers attorney attorneys president senator governor mayor
    minister chairman director candidate nominee supporters opponents members member
    observers insiders diplomats doctors doctor friend friends family spokesmen activists
    organizers supporters data figures records documents document memo letter email emails
    filing court judge ruling website paper newspaper magazine network channel white house
    colleague colleagues staff staffers officer officers editorial""".split()
)

DETERMINERS = frozenset(
    "the a an his her their its our one two three several many some "
    "other another most few both all".split()
)

# Finite forms of be, have and do, and the modals: right after a noun they make it a subject.
FINITE_AUXILIARIES = frozenset(
    "is are was were has have had does did will would can could should might must".split()
)

# Words allowed between a speaker and the reporting verb ("Trump has also said", "the ministry
# is saying", "Cruz has long said"); not "was"/"were": "he was told" names the listener.
AUXILIARIES = frozenset(
    """has have had also later previously then once would will did does do again recently
    repeatedly publicly privately reportedly already further simply just even often never
    initially earlier quickly first finally since still flatly bluntly angrily long is are
    today yesterday tonight""".split()
)

# Lower-case words ending in -ly that are nouns, not adverbs ("the family said").
_LY_NOUNS = frozenset("family assembly anomaly monopoly butterfly supply rally ally belly bully jelly lily".split())


# Endings of -ly adverbs that no name has ("Incredibly, …", "Conversely, …"; "Kelly", "Emily", "Beverly" end in -ly too).
ADVERB_ENDINGS = ("ally", "ibly", "ably", "ously", "ively", "fully", "lessly", "ently", "antly", "edly", "ingly", "ately",
                  "sely", "arly")


def is_adverb(word: str) -> bool:
    """A lower-case -ly adverb ("successfully", "strongly") that may stand between a speaker and
    the verb, as the auxiliaries do."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in _LY_NOUNS


# Lower-case words that may stand between a verb and the name after it ("said opposition
# leader Pierre Dubois", "said former state senator Ann Lee").
ROLE_WORDS = frozenset(
    """former opposition party deputy senior vice assistant acting top state federal
    longtime veteran retired leader chief head founder executive economist professor analyst
    pollster strategist lawyer official adviser advisor aide""".split()
)

# Words that make a capitalised name a place or a building's ("Wembley Stadium", "Kent County",
# "Seattle-Tacoma International Airport") or a state's ("United States", "United Nations"): no
# person's, so never "he" or "she" (not surnames too: "Park", "Hall", "Lane", "Church").
PLACE_WORDS = frozenset(
    """airport stadium arena cathedral palace mall beach county street avenue station square hotel island
    states kingdom nations emirates republic""".split()
)

# Words that make a capitalised name a sports club's ("Manchester United", "Aston Villa") or a
# competition's ("William Hill Scottish Cup", "Chinese Grand Prix"): no person's, never "he" or "she".
CLUB_WORDS = frozenset("united rovers rangers athletic albion wanderers hotspur villa fc afc".split())
EVENT_WORDS = frozenset("cup league championship championships trophy tournament prix games olympics festival".split())

# Nouns for a person that head a subject with "the": a title or role, or one of these.
PERSON_NOUNS = frozenset(
    """man woman boy girl mother father grandmother grandfather son daughter teenager child victim
    survivor resident owner player striker goalkeeper captain coach star singer actor actress
    author writer artist driver pilot nurse doctor patient student teacher officer soldier veteran
    farmer worker suspect defendant accused witness pope premier parent fan boss relative twin partner""".split()
) | TITLES | ROLE_WORDS

# Places that look like names to a capital-letter rule; never the antecedent of "he"/"she".
PLACES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming america
    canada mexico russia china iran iraq syria israel ukraine britain england france germany
    japan india pakistan afghanistan europe africa asia ontario quebec alberta saskatchewan
    manitoba toronto ottawa montreal vancouver chicago boston houston detroit baghdad moscow
    beijing london paris tulsa flint south north east west""".split()
)
