/** Greek messages of the extension, written to `_locales/el/messages.json`. */
import type { MessageKey } from "./en.js";

export const EL_MESSAGES: Record<MessageKey, string> = {
  pageLocale: "el",
  extName: "Child Alert: ειδοποιήσεις για παιδιά",
  extDescription:
    "Σας ειδοποιεί μία φορά όταν χάνεται ένα παιδί κοντά σας. Η τοποθεσία σας μένει σε αυτή τη συσκευή.",
  actionTitle: "Ειδοποιήσεις για παιδιά κοντά σας",

  popupTitle: "Ειδοποιήσεις για παιδιά",
  popupRefresh: "Ανανέωση",
  popupRefreshing: "Ανανέωση…",
  popupSettings: "Ρυθμίσεις",
  popupUpdated: "Ενημέρωση: $age$.",
  popupUpdatedNow: "Ενημερώθηκε μόλις τώρα.",
  popupNeverUpdated: "Δεν έχει ενημερωθεί ακόμη.",
  popupOffline:
    "Οι ροές δεν ήταν προσβάσιμες. Αυτές είναι οι ειδοποιήσεις που είναι αποθηκευμένες σε αυτή τη συσκευή.",
  popupNoAlerts: "Καμία ειδοποίηση για παιδιά στην περιοχή σας.",
  popupNoFeeds:
    "Επιλέξτε στις ρυθμίσεις τις ροές και τον τόπο σας για να λαμβάνετε ειδοποιήσεις.",

  optionsTitle: "Ρυθμίσεις του Child Alert",
  optionsPrivacy: "Απόρρητο",
  optionsPrivacyText:
    "Ο τόπος σας, οι κωδικοί περιοχών και κάθε άλλη ρύθμιση αποθηκεύονται μόνο σε αυτή τη συσκευή και δεν στέλνονται πουθενά. Η επέκταση κατεβάζει ολόκληρες τις ροές και επιλέγει τις ειδοποιήσεις για τον τόπο σας σε αυτή τη συσκευή· τα αιτήματά της δεν περιέχουν τοποθεσία, cookies ή referrer.",
  optionsPrivacyMap:
    "Ο χάρτης σχεδιάζεται από δεδομένα μέσα στην επέκταση: δεν γίνεται σύνδεση με διακομιστή χαρτών.",
  optionsFeeds: "Ροές",
  optionsFeedsHelp:
    "Οι ροές ειδοποιήσεων που ελέγχονται. Για μια ροή που προσθέτετε, το πρόγραμμα περιήγησης σας ζητά να επιτρέψετε στην επέκταση να διαβάζει αυτόν τον ιστότοπο.",
  optionsFeedDetail: "$format$, $area$: $url$",
  optionsFeedLocal: "αυτός ο υπολογιστής",
  feedNws:
    "Εθνική Μετεωρολογική Υπηρεσία ΗΠΑ: επείγουσες ειδοποιήσεις απαγωγής παιδιών",
  feedDemo:
    "Τοπική ροή επίδειξης με επινοημένες ειδοποιήσεις, για να δοκιμάσετε την επέκταση",
  optionsAddFeed: "Διεύθυνση ροής",
  optionsAddFeedButton: "Προσθήκη ροής",
  optionsRemoveFeed: "Αφαίρεση",
  optionsRemoveFeedNamed: "Αφαίρεση $url$",
  optionsFeedInvalid:
    "Γράψτε μια διεύθυνση που αρχίζει με https:// (ή http://localhost).",
  optionsFeedDenied:
    "Δεν δόθηκε άδεια ανάγνωσης του $origin$, οπότε η ροή δεν προστέθηκε.",
  optionsPlace: "Ο τόπος σας",
  optionsPlaceHelp:
    "Επιλέξτε ένα σημείο στον χάρτη, γράψτε μια πόλη ή δώστε κωδικούς περιοχών. Χωρίς τόπο και χωρίς κωδικό περιοχής εμφανίζεται κάθε ειδοποίηση των ροών που επιλέξατε.",
  optionsPlaceNone: "Χωρίς τόπο",
  optionsPlacePoint: "Ένας τόπος και μια απόσταση γύρω του",
  optionsTown: "Πόλη",
  optionsTownHelp:
    "Γράψτε μια πόλη της Ελλάδας ή μια πρωτεύουσα της Ευρωπαϊκής Ένωσης και επιλέξτε τη από τη λίστα.",
  optionsTownUnknown:
    "Αυτή η πόλη δεν είναι στη λίστα. Επιλέξτε το σημείο στον χάρτη.",
  optionsUseLocation: "Χρήση της τρέχουσας τοποθεσίας μου",
  optionsLocating: "Αναζήτηση της τοποθεσίας σας…",
  optionsLocationFailed: "Η τοποθεσία σας δεν βρέθηκε: $reason$",
  optionsPlaceChosen: "Επιλέχθηκε τόπος: γεωγραφικό πλάτος $lat$, μήκος $lon$.",
  optionsPlaceMissing:
    "Επιλέξτε ένα σημείο στον χάρτη ή γράψτε το γεωγραφικό του πλάτος και μήκος.",
  optionsMapLabel: "Παγκόσμιος χάρτης για την επιλογή του τόπου σας",
  optionsMapHelp:
    "Πατήστε στον χάρτη για να επιλέξετε τον τόπο σας. Όταν ο χάρτης έχει την εστίαση, τα βέλη τον μετακινούν, τα + και − αλλάζουν τη μεγέθυνση και το Enter επιλέγει το σημείο κάτω από τον σταυρό.",
  optionsZoomIn: "Μεγέθυνση",
  optionsZoomOut: "Σμίκρυνση",
  optionsZoomPlace: "Εμφάνιση του τόπου μου",
  optionsZoomReset: "Εμφάνιση της Ευρώπης",
  optionsLatitude: "Γεωγραφικό πλάτος",
  optionsLongitude: "Γεωγραφικό μήκος",
  optionsRadius: "Απόσταση γύρω του (km)",
  optionsRegions: "Κωδικοί περιοχών",
  optionsRegionsHelp:
    "Ένας ανά γραμμή, στη μορφή valueName:value, όπως SAME:099001.",
  optionsRegionInvalid:
    "Το «$code$» δεν είναι κωδικός περιοχής. Γράψτε τον στη μορφή valueName:value, όπως SAME:099001.",
  optionsKinds: "Ποιες ειδοποιήσεις",
  optionsKindsBoth: "Απαγωγές παιδιών και αγνοούμενα παιδιά",
  optionsKindsAbduction: "Μόνο απαγωγές παιδιών",
  optionsKindsMissing: "Μόνο αγνοούμενα παιδιά",
  optionsKindsAll: "Κάθε ειδοποίηση των ροών που επιλέξατε",
  optionsNotifications: "Γλώσσα και ειδοποιήσεις",
  optionsLanguage: "Γλώσσα ειδοποιήσεων",
  optionsLanguageBrowser: "Η γλώσσα του προγράμματος περιήγησης",
  optionsQuietEnable: "Χωρίς ήχο για τις ειδοποιήσεις από",
  optionsQuietStart: "Αρχή των ωρών ησυχίας",
  optionsQuietEnd: "Τέλος των ωρών ησυχίας",
  optionsQuietHelp:
    "Οι ειδοποιήσεις εμφανίζονται και τις ώρες ησυχίας. Το Chrome τις δείχνει χωρίς ήχο· ο Firefox ακολουθεί τις ρυθμίσεις ειδοποιήσεων του συστήματος.",
  optionsInterval: "Έλεγχος των ροών κάθε τόσα λεπτά (2 έως 60)",
  optionsSave: "Αποθήκευση",
  optionsSaved: "Αποθηκεύτηκε. Οι νέες ρυθμίσεις ισχύουν τώρα.",
  optionsSaveFailed: "Οι ρυθμίσεις δεν αποθηκεύτηκαν: $error$",
};
