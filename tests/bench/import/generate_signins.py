#!/usr/bin/python3
"""Writes N realistic Microsoft Graph signIn records (~2.5 KB each) as a saved Graph page.

Streams record by record, deterministic for a seed, standard library only.
"""
import argparse
import json
import random
import uuid

CITIES = [
    ("Wellington", "Wellington", "NZ", -41.2866, 174.7756), ("Auckland", "Auckland", "NZ", -36.8485, 174.7633),
    ("Sydney", "New South Wales", "AU", -33.8688, 151.2093), ("Melbourne", "Victoria", "AU", -37.8136, 144.9631),
    ("London", "England", "GB", 51.5072, -0.1276), ("Manchester", "England", "GB", 53.4808, -2.2426),
    ("Berlin", "Berlin", "DE", 52.52, 13.405), ("Munich", "Bavaria", "DE", 48.1351, 11.582),
    ("Paris", "Ile-de-France", "FR", 48.8566, 2.3522), ("Amsterdam", "North Holland", "NL", 52.3676, 4.9041),
    ("New York", "New York", "US", 40.7128, -74.006), ("Seattle", "Washington", "US", 47.6062, -122.3321),
    ("Chicago", "Illinois", "US", 41.8781, -87.6298), ("Toronto", "Ontario", "CA", 43.6532, -79.3832),
    ("Singapore", "Singapore", "SG", 1.3521, 103.8198), ("Tokyo", "Tokyo", "JP", 35.6762, 139.6503),
    ("Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333), ("Johannesburg", "Gauteng", "ZA", -26.2041, 28.0473),
]
APPS = ["Microsoft Teams", "Office 365 Exchange Online", "Microsoft Office", "SharePoint Online",
        "OneDrive SyncEngine", "Microsoft Edge", "Azure Portal", "Microsoft Authenticator App", "Power BI Service",
        "Visual Studio Code", "Microsoft Azure CLI", "Outlook Mobile", "Microsoft To-Do", "Microsoft Whiteboard",
        "Windows Sign In", "My Apps", "My Profile", "Microsoft Intune Company Portal", "Dynamics CRM Online",
        "Microsoft Planner", "Yammer", "Microsoft Stream", "Microsoft Forms", "Power Automate", "Power Apps",
        "Azure Virtual Desktop", "Microsoft Graph Explorer", "Office365 Shell WCSS-Client", "Skype for Business Online",
        "Microsoft Bookings"]
DEVICES = [
    ("Windows10", "Edge 130.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"),
    ("MacOs", "Safari 17.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"),
    ("Ios", "Mobile Safari 17.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"),
    ("Android", "Chrome Mobile 119.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36"),
    ("Windows10", "Chrome 130.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"),
]
ERRORS = [(0, None)] * 90 + [(50126, "Error validating credentials due to invalid username or password."),
                             (50074, "Strong Authentication is required."),
                             (500121, "Authentication failed during strong authentication request."),
                             (53003, "Access has been blocked by Conditional Access policies."),
                             (50053, "Account is locked because user tried to sign in too many times.")] * 2
POLICIES = ["Require MFA for all users", "Block legacy authentication", "Require compliant device for admins",
            "Require MFA for Azure management", "Block sign-ins from sanctioned countries", "Session lifetime 12h"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    guid = lambda: str(uuid.UUID(int=r.getrandbits(128), version=4))
    users = [(guid(), "User%04d@Contoso.com" % i, "User %04d" % i, r.randrange(len(CITIES)), r.randrange(len(DEVICES)))
             for i in range(2000)]
    app_ids = [guid() for _ in APPS]
    policy_ids = [guid() for _ in POLICIES]
    zipf = [1.0 / (k + 1) for k in range(len(APPS))]
    t0 = 1730419200  # 2024-11-01T00:00:00Z
    with open(a.out, "w") as f:
        f.write('{"@odata.context":"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns","value":[\n')
        for i in range(a.count):
            uid, upn, name, city, dev = users[r.randrange(len(users))]
            if r.random() < 0.1:
                city = r.randrange(len(CITIES))
            c = CITIES[city]
            os_, browser, agent = DEVICES[dev]
            app = r.choices(range(len(APPS)), weights=zipf)[0]
            code, reason = r.choice(ERRORS)
            interactive = r.random() < 0.3
            t = t0 + i * 7 + r.randrange(7)
            frac = "%07d" % r.randrange(10_000_000) if r.random() < 0.5 else None
            created = "%04d-%02d-%02dT%02d:%02d:%02d" % _civil(t) + ("." + frac if frac else "") + "Z"
            ip = ("203.0.%d.%d" % (r.randrange(256), r.randrange(1, 255)) if r.random() < 0.9
                  else "2001:db8:%x::%x" % (r.randrange(65536), r.randrange(65536)))
            rec = {
                "id": guid(), "createdDateTime": created, "userDisplayName": name, "userPrincipalName": upn,
                "userId": uid, "appId": app_ids[app], "appDisplayName": APPS[app], "ipAddress": ip,
                "clientAppUsed": "Browser" if interactive else "Mobile Apps and Desktop clients",
                "correlationId": guid(), "conditionalAccessStatus": "failure" if code == 53003 else "success",
                "isInteractive": interactive, "resourceDisplayName": "Microsoft Graph",
                "resourceId": "00000003-0000-0000-c000-000000000000", "riskDetail": "none",
                "riskLevelAggregated": "none", "riskLevelDuringSignIn": "none", "riskState": "none",
                "riskEventTypes_v2": [], "userType": "member",
                "authenticationRequirement": "multiFactorAuthentication" if interactive else "singleFactorAuthentication",
                "signInEventTypes": ["interactiveUser" if interactive else "nonInteractiveUser"],
                "autonomousSystemNumber": 9500 + r.randrange(100), "userAgent": agent,
                "status": {"errorCode": code, "failureReason": reason or "Other.",
                           "additionalDetails": "MFA requirement satisfied by claim in the token" if code == 0 else None},
                "deviceDetail": {"deviceId": guid() if dev < 2 else "", "displayName": "CONTOSO-LT-%04d" % (i % 5000),
                                 "operatingSystem": os_, "browser": browser, "isCompliant": dev < 2,
                                 "isManaged": dev < 2, "trustType": "Azure AD joined" if dev < 2 else None},
                "location": {"city": c[0], "state": c[1], "countryOrRegion": c[2],
                             "geoCoordinates": {"altitude": None, "latitude": c[3], "longitude": c[4]}},
                "mfaDetail": {"authMethod": "Mobile app notification", "authDetail": None} if interactive else None,
                "appliedConditionalAccessPolicies": [
                    {"id": policy_ids[k], "displayName": POLICIES[k],
                     "enforcedGrantControls": ["Mfa"] if k % 2 == 0 else ["Block"],
                     "enforcedSessionControls": ["SignInFrequency"] if k == 5 else [],
                     "result": r.choice(["success", "notApplied", "notEnabled"])}
                    for k in r.sample(range(len(POLICIES)), 2 + r.randrange(4))],
                "authenticationDetails": [
                    {"authenticationStepDateTime": created, "authenticationMethod": m,
                     "authenticationMethodDetail": "Password Hash Sync" if m == "Password" else None,
                     "succeeded": code == 0, "authenticationStepResultDetail": "Correct password" if code == 0 else reason,
                     "authenticationStepRequirement": "Primary authentication"}
                    for m in ["Password", "Mobile app notification", "Previously satisfied"][:1 + r.randrange(3)]],
            }
            f.write(("," if i else "") + json.dumps(rec) + "\n")
        f.write("]}\n")


def _civil(t):
    days, rem = divmod(t, 86400)
    # Howard Hinnant's civil-from-days, to stay in integer arithmetic
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (m <= 2), m, d, rem // 3600, rem % 3600 // 60, rem % 60)


if __name__ == "__main__":
    main()
