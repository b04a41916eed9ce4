package dev.berth.engine.container;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Container names: Docker's rule for given ones, and generated ones the way Docker makes them — an
 * adjective and a notable scientist or hacker ({@code focused_turing}), with a digit appended when
 * the name is taken.
 */
final class ContainerNames {

  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final List<String> ADJECTIVES = List.of("admiring", "adoring", "affectionate", "agitated",
      "amazing", "angry", "awesome", "beautiful", "blissful", "bold", "boring", "brave", "busy", "charming", "clever",
      "compassionate", "competent", "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined",
      "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting",
      "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted", "goofy",
      "gracious", "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring",
      "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical",
      "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic",
      "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed",
      "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied",
      "suspicious", "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant",
      "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen");

  private static final List<String> SURNAMES = List.of("agnesi", "albattani", "allen", "almeida", "antonelli",
      "archimedes", "ardinghelli", "aryabhata", "austin", "babbage", "banach", "bardeen", "bartik", "bassi", "beaver",
      "bell", "benz", "bhabha", "bhaskara", "black", "blackburn", "blackwell", "bohr", "booth", "borg", "bose",
      "bouman", "boyd", "brahmagupta", "brattain", "brown", "buck", "burnell", "cannon", "carson", "cartwright",
      "carver", "cerf", "chandrasekhar", "chaplygin", "chatelet", "chatterjee", "chaum", "chebyshev", "clarke",
      "cohen", "colden", "cori", "cray", "curie", "darwin", "davinci", "dewdney", "dhawan", "diffie", "dijkstra",
      "dirac", "driscoll", "dubinsky", "easley", "edison", "einstein", "elbakyan", "elgamal", "elion", "ellis",
      "engelbart", "euclid", "euler", "faraday", "feistel", "fermat", "fermi", "feynman", "franklin", "gagarin",
      "galileo", "galois", "ganguly", "gates", "gauss", "germain", "goldberg", "goldstine", "goldwasser", "golick",
      "goodall", "gould", "greider", "grothendieck", "haibt", "hamilton", "haslett", "hawking", "heisenberg",
      "hellman", "hermann", "herschel", "hertz", "heyrovsky", "hodgkin", "hofstadter", "hoover", "hopper", "hugle",
      "hypatia", "ishizaka", "jackson", "jang", "jemison", "jennings", "jepsen", "johnson", "joliot", "jones",
      "kalam", "kapitsa", "kare", "keldysh", "keller", "kepler", "khayyam", "khorana", "kilby", "kirch", "knuth",
      "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lederberg", "lehmann", "lewin",
      "lichterman", "liskov", "lovelace", "lumiere", "mahavira", "margulis", "matsumoto", "maxwell", "mayer",
      "mccarthy", "mcclintock", "mclaren", "mclean", "mcnulty", "meitner", "mendel", "mendeleev", "merkle",
      "mestorf", "mirzakhani", "montalcini", "moore", "morse", "moser", "murdock", "napier", "nash", "neumann",
      "newton", "nightingale", "nobel", "noether", "northcutt", "noyce", "panini", "pare", "pascal", "pasteur",
      "payne", "perlman", "pike", "poincare", "poitras", "proskuriakova", "ptolemy", "raman", "ramanujan", "rhodes",
      "ride", "ritchie", "robinson", "roentgen", "rosalind", "rubin", "saha", "sammet", "sanderson", "satoshi",
      "shamir", "shannon", "shaw", "shirley", "shockley", "shtern", "sinoussi", "snyder", "solomon", "spence",
      "stonebraker", "sutherland", "swanson", "swartz", "swirles", "taussig", "tesla", "tharp", "thompson",
      "torvalds", "tu", "turing", "varahamihira", "vaughan", "villani", "visvesvaraya", "volhard", "wescoff",
      "wilbur", "wiles", "williams", "williamson", "wilson", "wing", "wozniak", "wright", "wu", "yalow", "yonath",
      "zhukovsky");

  private ContainerNames() {
  }

  /** A given name without Docker's leading slash, checked against Docker's rule. */
  static String valid(String name) {
    String bare = name.startsWith("/") ? name.substring(1) : name;
    if (!VALID.matcher(bare).matches() || bare.length() > 253) {
      throw new EngineException.InvalidArgument("Invalid container name (" + name
          + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return bare;
  }

  /** A generated name no container has yet. */
  static String generate(Predicate<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String name = ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "_"
          + SURNAMES.get(RANDOM.nextInt(SURNAMES.size()));
      if (attempt > 0) {
        name += RANDOM.nextInt(10);
      }
      if (!taken.test(name)) {
        return name;
      }
    }
  }
}
