#!/usr/bin/python3
"""Writes N realistic Microsoft Graph signIn records (~2.5-3 KB each) as one saved Graph page.

Streams record by record (memory does not grow with N), deterministic for a seed, standard library only:
    generate_signins.py --count 100000 --seed 1 --out signins.json
"""
import argparse
import itertools
import json
import random
import uuid

# city, state, countryOrRegion, latitude, longitude
CITIES = [
    ("Wellington", "Wellington", "NZ", -41.2866, 174.7756), ("Auckland", "Auckland", "NZ", -36.8485, 174.7633),
    ("Christchurch", "Canterbury", "NZ", -43.5321, 172.6362), ("Sydney", "New South Wales", "AU", -33.8688, 151.2093),
    ("Melbourne", "Victoria", "AU", -37.8136, 144.9631), ("Brisbane", "Queensland", "AU", -27.4698, 153.0251),
    ("Perth", "Western Australia", "AU", -31.9523, 115.8613), ("Singapore", "Singapore", "SG", 1.3521, 103.8198),
    ("Tokyo", "Tokyo", "JP", 35.6762, 139.6503), ("Osaka", "Osaka", "JP", 34.6937, 135.5023),
    ("Seoul", "Seoul", "KR", 37.5665, 126.978), ("Hong Kong", "Hong Kong", "HK", 22.3193, 114.1694),
    ("Bengaluru", "Karnataka", "IN", 12.9716, 77.5946), ("Mumbai", "Maharashtra", "IN", 19.076, 72.8777),
    ("Hyderabad", "Telangana", "IN", 17.385, 78.4867), ("Dubai", "Dubai", "AE", 25.2048, 55.2708),
    ("Tel Aviv", "Tel Aviv", "IL", 32.0853, 34.7818), ("Istanbul", "Istanbul", "TR", 41.0082, 28.9784),
    ("London", "England", "GB", 51.5072, -0.1276), ("Manchester", "England", "GB", 53.4808, -2.2426),
    ("Edinburgh", "Scotland", "GB", 55.9533, -3.1883), ("Dublin", "Dublin", "IE", 53.3498, -6.2603),
    ("Paris", "Ile-de-France", "FR", 48.8566, 2.3522), ("Lyon", "Auvergne-Rhone-Alpes", "FR", 45.764, 4.8357),
    ("Berlin", "Berlin", "DE", 52.52, 13.405), ("Munich", "Bayern", "DE", 48.1351, 11.582),
    ("Frankfurt am Main", "Hessen", "DE", 50.1109, 8.6821), ("Hamburg", "Hamburg", "DE", 53.5511, 9.9937),
    ("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041), ("Brussels", "Brussels", "BE", 50.8503, 4.3517),
    ("Zurich", "Zurich", "CH", 47.3769, 8.5417), ("Vienna", "Wien", "AT", 48.2082, 16.3738),
    ("Copenhagen", "Hovedstaden", "DK", 55.6761, 12.5683), ("Stockholm", "Stockholm", "SE", 59.3293, 18.0686),
    ("Oslo", "Oslo", "NO", 59.9139, 10.7522), ("Helsinki", "Uusimaa", "FI", 60.1699, 24.9384),
    ("Warsaw", "Mazowieckie", "PL", 52.2297, 21.0122), ("Prague", "Praha", "CZ", 50.0755, 14.4378),
    ("Madrid", "Madrid", "ES", 40.4168, -3.7038), ("Barcelona", "Catalunya", "ES", 41.3874, 2.1686),
    ("Lisbon", "Lisboa", "PT", 38.7223, -9.1393), ("Milan", "Lombardia", "IT", 45.4642, 9.19),
    ("Rome", "Lazio", "IT", 41.9028, 12.4964), ("New York", "New York", "US", 40.7128, -74.006),
    ("Boston", "Massachusetts", "US", 42.3601, -71.0589), ("Washington", "District of Columbia", "US", 38.9072, -77.0369),
    ("Atlanta", "Georgia", "US", 33.749, -84.388), ("Chicago", "Illinois", "US", 41.8781, -87.6298),
    ("Dallas", "Texas", "US", 32.7767, -96.797), ("Denver", "Colorado", "US", 39.7392, -104.9903),
    ("Seattle", "Washington", "US", 47.6062, -122.3321), ("Redmond", "Washington", "US", 47.674, -122.1215),
    ("San Francisco", "California", "US", 37.7749, -122.4194), ("Los Angeles", "California", "US", 34.0522, -118.2437),
    ("Toronto", "Ontario", "CA", 43.6532, -79.3832), ("Vancouver", "British Columbia", "CA", 49.2827, -123.1207),
    ("Mexico City", "Ciudad de Mexico", "MX", 19.4326, -99.1332), ("Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333),
    ("Buenos Aires", "Buenos Aires", "AR", -34.6037, -58.3816), ("Johannesburg", "Gauteng", "ZA", -26.2041, 28.0473),
    ("Cape Town", "Western Cape", "ZA", -33.9249, 18.4241), ("Lagos", "Lagos", "NG", 6.5244, 3.3792),
]
# In order of popularity: picked with Zipf-like weights 1/k.
APPS = ["Microsoft Teams", "Office 365 Exchange Online", "Microsoft Office", "SharePoint Online", "OneDrive SyncEngine",
        "Outlook Mobile", "Microsoft Edge", "Windows Sign In", "Microsoft Authenticator App", "Office365 Shell WCSS-Client",
        "My Apps", "Azure Portal", "Power BI Service", "Microsoft Intune Company Portal", "Microsoft To-Do",
        "Microsoft Planner", "Microsoft Forms", "Microsoft Whiteboard", "Visual Studio Code", "Microsoft Azure CLI",
        "Azure Virtual Desktop", "Power Automate", "Power Apps", "Dynamics CRM Online", "My Profile", "Microsoft Stream",
        "Viva Engage", "Microsoft Bookings", "Microsoft Graph Explorer", "Microsoft Azure PowerShell"]
RESOURCES = [("Microsoft Graph", "00000003-0000-0000-c000-000000000000"),
             ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
             ("Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000"),
             ("Microsoft Teams Services", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe"),
             ("Windows Azure Service Management API", "797f4846-ba00-4fd7-ba43-dac1f8f63013"),
             ("Windows Azure Active Directory", "00000002-0000-0000-c000-000000000000")]
# operatingSystem, browser, userAgent, managed
DEVICES = [
    ("Windows10", "Edge 131.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", True),
    ("Windows10", "Chrome 130.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/130.0.0.0 Safari/537.36", True),
    ("Windows10", "Rich Client 5.2.0.0", "Windows-AzureAD-Authentication-Provider/1.0", True),
    ("Windows", "Firefox 132.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0", False),
    ("MacOs", "Safari 17.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.1 Safari/605.1.15", True),
    ("MacOs", "Chrome 130.0.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/130.0.0.0 Safari/537.36", False),
    ("Ios 17.1.2", "Mobile Safari 17.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 "
     "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", False),
    ("Ios", "MSAL.iOS 1.2.22", "Outlook-iOS/709.2226530.prod.iphone (4.2433.0)", True),
    ("Android 14", "Chrome Mobile 119.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/119.0.6045.163 Mobile Safari/537.36", False),
    ("Linux", "Python Requests 2.31", "python-requests/2.31.0", False),
]
ERRORS = [(50126, "Error validating credentials due to invalid username or password.",
           "The user didn't enter the right credentials. It's expected to see some number of these errors in your logs "
           "due to users making mistakes."),
          (50074, "Strong Authentication is required.",
           "The user is required to perform multi-factor authentication. There could be more required steps."),
          (500121, "Authentication failed during strong authentication request.",
           "The user didn't complete the MFA prompt. They may have decided not to authenticate or timed out."),
          (53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token "
           "issuance.", None),
          (50053, "Account is locked because user tried to sign in too many times with an incorrect user ID or "
           "password.", "The account is locked; the user should wait before trying again.")]
POLICIES = [("Require MFA for all users", ["Mfa"], []), ("Block legacy authentication", ["Block"], []),
            ("Require compliant device for admins", ["RequireCompliantDevice"], []),
            ("Require MFA for Azure management", ["Mfa"], []),
            ("Block sign-ins from unsupported countries", ["Block"], []),
            ("Sign-in frequency 12 hours", [], ["SignInFrequency"]),
            ("Require app protection policy on mobile", ["RequireApprovedApp", "RequireCompliantApp"], []),
            ("Guests require MFA and terms of use", ["Mfa", "TermsOfUse"], ["PersistentBrowserSessionMode"])]
RISKS = [("none", "none", [], "none")] * 96 + [
    ("low", "none", ["unfamiliarFeatures"], "atRisk"), ("medium", "none", ["anonymizedIPAddress"], "atRisk"),
    ("high", "userPassedMFADrivenByRiskBasedPolicy", ["unlikelyTravel"], "remediated"),
    ("medium", "adminConfirmedSigninSafe", ["newCountry", "unfamiliarFeatures"], "dismissed")]
STEP_RESULT = {"Password": "Correct password", "Mobile app notification": "MFA completed in Azure AD",
               "Text message": "MFA completed in Azure AD",
               "Previously satisfied": "MFA requirement satisfied by claim in the token"}
FIRST = ["Aroha", "James", "Olivia", "Liam", "Mei", "Noah", "Priya", "Lucas", "Sofia", "Wiremu", "Chloe", "Hiro",
         "Fatima", "Mateo", "Emma", "Arjun", "Zoe", "Tama", "Isabella", "Oliver", "Ngozi", "Sven", "Ana", "Kai",
         "Léa", "Jürgen", "Siobhan", "Dmitri", "Yuki", "Grace", "Ahmed", "Hannah", "Pedro", "Ingrid", "Rangi", "Chen"]
LAST = ["Ngata", "Smith", "Williams", "Brown", "Wang", "Patel", "Müller", "García", "Tanaka", "Kim", "Nguyen",
        "O'Brien", "Rossi", "Jansen", "Kowalski", "Singh", "Cohen", "Silva", "Taylor", "Walker", "Parata", "Dubois",
        "Andersson", "Novak", "Martin", "Lee", "Okafor", "Fernández", "Hughes", "Campbell", "Te Rangi", "Murphy"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)

    def guid():
        return str(uuid.UUID(int=r.getrandbits(128), version=4))

    users, taken = [], set()
    for i in range(2000):
        first, last = r.choice(FIRST), r.choice(LAST)
        mail = "%s.%s" % (first, last.replace(" ", "").replace("'", ""))
        mail += str(i) if mail in taken else ""
        taken.add(mail)
        if r.random() < 0.08:  # B2B guest, Entra's #EXT# form
            upn, kind = "%s_fabrikam.com#EXT#@contoso.onmicrosoft.com" % mail.lower(), "guest"
        else:
            upn, kind = mail + r.choice(["@contoso.com", "@Contoso.com", "@CONTOSO.COM", "@contoso.co.nz"]), "member"
        dev = r.randrange(len(DEVICES))
        users.append((guid(), upn, "%s %s" % (first, last), kind, r.randrange(len(CITIES)), dev,
                      guid() if DEVICES[dev][3] else "", "CONTOSO-%s-%04d" % (r.choice("LD"), i)))
    app_ids = [guid() for _ in APPS]
    policy_ids = [guid() for _ in POLICIES]
    app_weights = list(itertools.accumulate(1.0 / (k + 1) for k in range(len(APPS))))
    t = 1730419200  # 2024-11-01T00:00:00Z

    with open(a.out, "w", encoding="utf-8") as f:
        f.write('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[\n')
        for i in range(a.count):
            uid, upn, name, kind, city, dev, device_id, device_name = users[r.randrange(len(users))]
            if r.random() < 0.05:
                upn = upn.lower()  # the same user, typed differently
            if r.random() < 0.1:
                city = r.randrange(len(CITIES))  # travelling
            c = CITIES[city]
            os_, browser, agent, managed = DEVICES[dev]
            app = r.choices(range(len(APPS)), cum_weights=app_weights)[0]
            resource, resource_id = RESOURCES[min(app, len(RESOURCES) - 1) if r.random() < 0.7 else
                                              r.randrange(len(RESOURCES))]
            code, reason, details = r.choice(ERRORS) if r.random() < 0.08 else (0, "Other.", None)
            risk, risk_detail, risk_events, risk_state = r.choice(RISKS)
            interactive = r.random() < 0.35
            t += r.randrange(1, 12)
            created = "%04d-%02d-%02dT%02d:%02d:%02d" % _civil(t)
            created += (".%07d" % r.randrange(10_000_000) if r.random() < 0.6 else "") + "Z"
            ip = ("%d.%d.%d.%d" % (r.choice([20, 40, 52, 101, 122, 131, 203]), r.randrange(256), r.randrange(256),
                                   r.randrange(1, 255)) if r.random() < 0.85 else
                  "2001:%x:%x:%x::%x" % tuple(r.randrange(1, 65536) for _ in range(4)))
            mfa = interactive and code != 50126 and r.random() < 0.7
            methods = ["Password"] + (["Mobile app notification" if r.random() < 0.7 else "Text message"] if mfa else []) \
                + (["Previously satisfied"] if not interactive and r.random() < 0.5 else [])
            rec = {
                "id": guid(), "createdDateTime": created, "userDisplayName": name, "userPrincipalName": upn,
                "userId": uid, "appId": app_ids[app], "appDisplayName": APPS[app], "ipAddress": ip,
                "clientAppUsed": "Browser" if "Mozilla" in agent else r.choice(
                    ["Mobile Apps and Desktop clients"] * 8 + ["Exchange ActiveSync", "IMAP4", "Authenticated SMTP"]),
                "correlationId": guid(), "conditionalAccessStatus": "failure" if code == 53003 else r.choice(
                    ["success", "success", "notApplied"]),
                "isInteractive": interactive, "resourceDisplayName": resource, "resourceId": resource_id,
                "riskDetail": risk_detail, "riskLevelAggregated": risk, "riskLevelDuringSignIn": risk,
                "riskState": risk_state, "riskEventTypes_v2": risk_events, "userType": kind,
                "authenticationRequirement": "multiFactorAuthentication" if mfa else "singleFactorAuthentication",
                "signInEventTypes": ["interactiveUser" if interactive else "nonInteractiveUser"],
                "autonomousSystemNumber": r.choice([8075, 8075, 9500, 4771, 7922, 3320, 2856, 13335, 16509]),
                "userAgent": agent,
                "status": {"errorCode": code, "failureReason": reason, "additionalDetails": details},
                "deviceDetail": {"deviceId": device_id, "displayName": device_name if managed else "",
                                 "operatingSystem": os_, "browser": browser, "isCompliant": managed,
                                 "isManaged": managed, "trustType": r.choice(["Azure AD joined", "Hybrid Azure AD joined"])
                                 if managed else ""},
                "location": {"city": c[0], "state": c[1], "countryOrRegion": c[2],
                             "geoCoordinates": {"altitude": None, "latitude": c[3], "longitude": c[4]}},
                "mfaDetail": {"authMethod": methods[1], "authDetail": None} if mfa else None,
                "appliedConditionalAccessPolicies": [
                    {"id": policy_ids[k], "displayName": POLICIES[k][0], "enforcedGrantControls": POLICIES[k][1],
                     "enforcedSessionControls": POLICIES[k][2],
                     "result": "failure" if code == 53003 and k in (1, 4) else r.choice(
                         ["success", "notApplied", "notApplied", "notEnabled", "reportOnlyNotApplied"])}
                    for k in sorted(r.sample(range(len(POLICIES)), r.randint(2, 5)))],
                "authenticationDetails": [
                    {"authenticationStepDateTime": created, "authenticationMethod": m,
                     "authenticationMethodDetail": "Password in the cloud" if m == "Password" else None,
                     "succeeded": ok, "authenticationStepResultDetail": STEP_RESULT[m] if ok else reason,
                     "authenticationStepRequirement": "Primary authentication" if step == 0 else "MFA"}
                    for step, m in enumerate(methods) for ok in [code == 0 or step < len(methods) - 1]],
            }
            f.write(("," if i else "") + json.dumps(rec, ensure_ascii=False) + "\n")
        f.write("]}\n")


def _civil(t):
    """(year, month, day, hour, minute, second) of a Unix time, in integers (Howard Hinnant's civil_from_days)."""
    days, rem = divmod(t, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (yoe + era * 400 + (m <= 2), m, d, rem // 3600, rem % 3600 // 60, rem % 60)


if __name__ == "__main__":
    main()
