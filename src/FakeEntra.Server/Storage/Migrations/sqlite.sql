CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AuthorizationCodes" (
    "CodeHash" TEXT NOT NULL CONSTRAINT "PK_AuthorizationCodes" PRIMARY KEY,
    "Json" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RedeemedAt" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "DeviceAuthorizations" (
    "DeviceCodeHash" TEXT NOT NULL CONSTRAINT "PK_DeviceAuthorizations" PRIMARY KEY,
    "UserCode" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);

CREATE TABLE "DirectoryAudits" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_DirectoryAudits" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Created" TEXT NOT NULL,
    "CorrelationId" TEXT NOT NULL,
    "Json" TEXT NOT NULL
);

CREATE TABLE "DirectoryObjects" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_DirectoryObjects" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "UniqueName" TEXT NULL,
    "Json" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "GrantRevocations" (
    "GrantId" TEXT NOT NULL CONSTRAINT "PK_GrantRevocations" PRIMARY KEY,
    "Revoked" TEXT NOT NULL
);

CREATE TABLE "GroupMembers" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_GroupMembers" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "GroupId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL
);

CREATE TABLE "PrivacyConsents" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_PrivacyConsents" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "ResourceTenantId" TEXT NOT NULL
);

CREATE TABLE "Settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "SignIns" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_SignIns" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "Id" TEXT NOT NULL,
    "Created" TEXT NOT NULL,
    "CorrelationId" TEXT NOT NULL,
    "UserPrincipalName" TEXT NOT NULL,
    "AppId" TEXT NOT NULL,
    "CrossTenantAccessType" TEXT NOT NULL,
    "ErrorCode" INTEGER NOT NULL,
    "Json" TEXT NOT NULL
);

CREATE TABLE "SigningKeys" (
    "Kid" TEXT NOT NULL CONSTRAINT "PK_SigningKeys" PRIMARY KEY,
    "Certificate" BLOB NOT NULL,
    "PrivateKey" BLOB NOT NULL,
    "Created" TEXT NOT NULL
);

CREATE INDEX "IX_AuthorizationCodes_ExpiresAt" ON "AuthorizationCodes" ("ExpiresAt");

CREATE INDEX "IX_DeviceAuthorizations_ExpiresAt" ON "DeviceAuthorizations" ("ExpiresAt");

CREATE UNIQUE INDEX "IX_DeviceAuthorizations_UserCode" ON "DeviceAuthorizations" ("UserCode");

CREATE INDEX "IX_DirectoryAudits_TenantId_Created" ON "DirectoryAudits" ("TenantId", "Created");

CREATE UNIQUE INDEX "IX_DirectoryAudits_TenantId_Id" ON "DirectoryAudits" ("TenantId", "Id");

CREATE UNIQUE INDEX "IX_DirectoryObjects_TenantId_Kind_Key" ON "DirectoryObjects" ("TenantId", "Kind", "Key");

CREATE UNIQUE INDEX "IX_DirectoryObjects_TenantId_Kind_UniqueName" ON "DirectoryObjects" ("TenantId", "Kind", "UniqueName");

CREATE UNIQUE INDEX "IX_GroupMembers_TenantId_GroupId_MemberId" ON "GroupMembers" ("TenantId", "GroupId", "MemberId");

CREATE INDEX "IX_GroupMembers_TenantId_MemberId" ON "GroupMembers" ("TenantId", "MemberId");

CREATE UNIQUE INDEX "IX_PrivacyConsents_TenantId_UserId_ResourceTenantId" ON "PrivacyConsents" ("TenantId", "UserId", "ResourceTenantId");

CREATE INDEX "IX_SignIns_TenantId_Created" ON "SignIns" ("TenantId", "Created");

CREATE UNIQUE INDEX "IX_SignIns_TenantId_Id" ON "SignIns" ("TenantId", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203072346_Initial', '10.0.15');

